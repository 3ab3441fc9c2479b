package org.metalearn4j.core.train;

import org.metalearn4j.core.learner.Learner;

/** What a {@link MetaTrainingLoop} evaluates, e.g. {@link Evaluator#evaluate} on a fixed episode set. */
@FunctionalInterface
public interface LoopEvaluation {
    /**
     * @param learner   the learner as trained so far
     * @param iteration iterations completed
     * @param last      whether this is the evaluation at the end of the run (which may use more episodes)
     */
    EvalResult evaluate(Learner learner, int iteration, boolean last);
}
