package org.metalearn4j.core.exec;

import java.util.List;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.tensor.TaskPool;

/**
 * Computes up to {@code threads} tasks at once on threads of this process ({@link TaskPool}: each with one OpenMP
 * thread and the caller's autodiff modes); with one thread, tasks run on the caller's thread one after another.
 */
public final class LocalTaskExecutor implements TaskExecutor {
    private final int threads;

    public LocalTaskExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public List<TaskResult> computeAll(TaskwiseLearner learner, List<ScheduledTask> tasks) {
        return TaskPool.map(threads, tasks.size(), i -> learner.computeTask(tasks.get(i).task(), tasks.get(i).index()));
    }

    /** An executor that computes each learner's tasks on {@link TaskwiseLearner#taskThreads()} threads. */
    public static TaskExecutor learnersThreads() {
        return (learner, tasks) -> new LocalTaskExecutor(learner.taskThreads()).computeAll(learner, tasks);
    }

    /** Tasks computed at once. */
    public int threads() {
        return threads;
    }
}
