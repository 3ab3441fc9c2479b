package org.metalearn4j.core.learner;

import java.util.List;
import org.metalearn4j.core.exec.LocalTaskExecutor;
import org.metalearn4j.core.exec.ScheduledTask;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Task;

/**
 * A learner whose meta-training step is a map over the tasks of a meta-batch followed by an update: each task's
 * {@link TaskResult} is computed from the learner's current state alone ({@link #computeTask}), and
 * {@link #applyResults} combines them in task order. The seam lets a
 * {@link org.metalearn4j.core.exec.TaskExecutor} decide where tasks run (threads here, worker processes elsewhere)
 * without changing the update: results combined in task order give the same parameters whichever executor computed
 * them.
 *
 * <p>Contract: {@code computeTask} must not change the learner (it may run on several threads at once, and on a
 * copy of the learner in another process that loaded {@link #computeState()}); everything it reads must be in
 * {@code computeState()}; {@code applyResults} is called once per step on the training thread.
 */
public interface TaskwiseLearner extends Learner {

    /**
     * One task's contribution to the coming update.
     *
     * @param task  the task
     * @param index its position in the meta-batch (seeds per-task randomness such as dropout)
     */
    TaskResult computeTask(Task task, int index);

    /** Combines the results of one meta-batch, in task order, into one update, and completes the step. */
    StepMetrics applyResults(List<TaskResult> results);

    /** What {@link #computeTask} reads; another process loads it with {@link #loadComputeState}. */
    default StateDict computeState() {
        return state();
    }

    /** Makes this learner compute tasks exactly as the one whose {@link #computeState()} this is. */
    default void loadComputeState(StateDict state) {
        load(state);
    }

    /** How many tasks the default local executor computes at once (the learner's {@code taskThreads}). */
    default int taskThreads() {
        return 1;
    }

    /** A step with the local executor: {@link #taskThreads()} tasks at a time, combined in task order. */
    @Override
    default StepMetrics step(List<Task> batch) {
        return new LocalTaskExecutor(taskThreads()).step(this, ScheduledTask.unseeded(batch));
    }
}
