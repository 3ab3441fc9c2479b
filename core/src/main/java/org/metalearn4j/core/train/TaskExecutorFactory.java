package org.metalearn4j.core.train;

import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.exec.LocalTaskExecutor;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.learner.TaskwiseLearner;

/**
 * Makes the {@link TaskExecutor} of one {@link Trainer} run, and with it the decision where the tasks of a
 * {@link TaskwiseLearner} are computed. The default, {@link #local()}, computes them on the learner's own
 * {@link TaskwiseLearner#taskThreads()}; an application replaces it through Guice, e.g. with worker processes of a
 * cluster: {@code OptionalBinder.newOptionalBinder(binder(), TaskExecutorFactory.class).setBinding().to(...)}.
 */
@FunctionalInterface
public interface TaskExecutorFactory {

    /**
     * The executor for a run that is about to start; the trainer closes it when the run ends.
     *
     * @param config the run's effective configuration, as its {@code config.json} records it
     * @param run    the opened data set, the learner (holding the state the run starts from) and the training tasks
     * @param source the config file name, for messages
     */
    TaskExecutor create(RunConfig config, RunComponents run, String source);

    /** Every run computes its tasks in this process, on the learner's own threads. */
    static TaskExecutorFactory local() {
        return (config, run, source) -> LocalTaskExecutor.learnersThreads();
    }
}
