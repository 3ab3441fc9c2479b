package org.metalearn4j.core.exec;

import java.util.List;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;

/**
 * Decides where the tasks of a meta-batch are computed: {@link LocalTaskExecutor} runs them on threads of this
 * process; other implementations may send them to worker processes. Whatever it does, it returns one result per task
 * in task order, so the update does not depend on it.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * {@code learner.computeTask} for every task, as if computed here, in the order of {@code tasks}.
     *
     * @throws RuntimeException the failure of the first task (in task order) that failed
     */
    List<TaskResult> computeAll(TaskwiseLearner learner, List<ScheduledTask> tasks);

    /** One meta-training step: the tasks' results applied by the learner, in task order. */
    default StepMetrics step(TaskwiseLearner learner, List<ScheduledTask> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        return learner.applyResults(computeAll(learner, tasks));
    }

    /** Releases threads, connections or workers; the local executor holds nothing. */
    @Override
    default void close() {
    }
}
