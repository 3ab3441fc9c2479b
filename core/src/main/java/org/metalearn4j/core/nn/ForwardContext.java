package org.metalearn4j.core.nn;

import java.util.Objects;
import org.metalearn4j.core.task.Seeds;

/**
 * Per-call state of a forward pass: training or evaluation mode, the batch-norm running statistics to read or update,
 * and a deterministic stream of dropout seeds. Not thread-safe; use one per thread.
 */
public final class ForwardContext {
    private final boolean training;
    private final RunningStats runningStats;
    private final long seed;
    private long draws;

    public ForwardContext(boolean training, RunningStats runningStats, long seed) {
        this.training = training;
        this.runningStats = Objects.requireNonNull(runningStats, "runningStats");
        this.seed = seed;
    }

    /** Training mode with fresh running statistics. */
    public static ForwardContext training(long seed) {
        return new ForwardContext(true, new RunningStats(), seed);
    }

    /** Evaluation mode with fresh running statistics (mean 0, variance 1). */
    public static ForwardContext eval() {
        return new ForwardContext(false, new RunningStats(), 0);
    }

    public boolean training() {
        return training;
    }

    public RunningStats runningStats() {
        return runningStats;
    }

    /** The next seed of this context's stream (dropout masks). */
    public long nextSeed() {
        return Seeds.derive(seed, draws++);
    }
}
