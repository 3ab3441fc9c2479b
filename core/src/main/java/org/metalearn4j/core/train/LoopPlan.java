package org.metalearn4j.core.train;

import java.util.Objects;

/**
 * What a {@link MetaTrainingLoop} does: how long, with which meta-batch, from which task seeds, and when it evaluates
 * and writes checkpoints.
 *
 * @param iterations    stop after this many meta-iterations in all (a resumed run counts those already done)
 * @param metaBatch     tasks per meta-iteration
 * @param seed          task {@code j} of iteration {@code i} is drawn with {@code Seeds.derive(seed, i, j)}
 * @param budgetSeconds also stop once this many seconds of training (evaluations excluded) have passed; infinite: no
 *                      budget; 0: none left, so no step is trained (a resumed run whose budget is spent)
 * @param evalEvery     when to evaluate between the start and the end (the end always evaluates, unless stopped)
 * @param checkpointEvery when to write a checkpoint (the end always writes one, also when stopped)
 */
public record LoopPlan(int iterations, int metaBatch, long seed, double budgetSeconds, Every evalEvery,
                       Every checkpointEvery) {
    public LoopPlan {
        if (iterations < 0 || metaBatch < 1) {
            throw new IllegalArgumentException("loop: expected iterations >= 0 and metaBatch >= 1, got " + iterations
                    + " and " + metaBatch);
        }
        if (!(budgetSeconds >= 0)) {
            throw new IllegalArgumentException("loop: budgetSeconds must be >= 0, got " + budgetSeconds);
        }
        Objects.requireNonNull(evalEvery, "evalEvery");
        Objects.requireNonNull(checkpointEvery, "checkpointEvery");
    }

    /** {@code iterations} meta-iterations of {@code metaBatch} tasks, evaluating and checkpointing only at the end. */
    public static LoopPlan of(int iterations, int metaBatch, long seed) {
        return new LoopPlan(iterations, metaBatch, seed, Double.POSITIVE_INFINITY, Every.END, Every.END);
    }

    /**
     * This plan stopping after {@code seconds} of training: a resumed run passes what is left of its budget, 0 once
     * it is spent.
     */
    public LoopPlan withBudget(double seconds) {
        return new LoopPlan(iterations, metaBatch, seed, seconds, evalEvery, checkpointEvery);
    }

    public LoopPlan withEvalEvery(Every every) {
        return new LoopPlan(iterations, metaBatch, seed, budgetSeconds, every, checkpointEvery);
    }

    public LoopPlan withCheckpointEvery(Every every) {
        return new LoopPlan(iterations, metaBatch, seed, budgetSeconds, evalEvery, every);
    }
}
