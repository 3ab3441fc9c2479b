package org.metalearn4j.core.learner;

import org.metalearn4j.core.task.Task;

/**
 * A learner that scores an evaluation task itself, for tasks whose quality is not a function of predictions on a
 * fixed query set: a control task's score is the return of the policy adapted on the task's support trajectories,
 * measured on query trajectories the learner samples in the task's environment. The
 * {@link org.metalearn4j.core.train.Evaluator} uses it in place of the {@link Adapter} when a learner has one.
 */
public interface TaskScorer {

    /** The metric's name in evaluation results and events, e.g. {@code return}. */
    String metricName();

    /**
     * Adapts to the task's support and scores the adapted model on its query; must not change the learner.
     *
     * @param seed seeds the scoring's own randomness (sampled trajectories), so a score is reproducible
     */
    double score(Task task, long seed);
}
