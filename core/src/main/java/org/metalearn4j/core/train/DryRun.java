package org.metalearn4j.core.train;

import org.metalearn4j.core.tensor.Scope;

/**
 * A dry run on this thread: every {@link MetaTrainingLoop}, {@link MiniBatchLoop} and {@link Evaluator} does one
 * step (one episode) instead of all of them, and the meta-training loop writes no checkpoint, so that a pipeline
 * check can run each stage's real code on its real data, with the shapes the previous stage really produces, in
 * seconds. Thread-local like the autodiff modes, so concurrent runs never see each other's.
 */
public final class DryRun {
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private DryRun() {
    }

    /** Starts a dry run on this thread until the scope closes. */
    public static Scope begin() {
        boolean previous = ACTIVE.get();
        ACTIVE.set(true);
        return () -> ACTIVE.set(previous);
    }

    /** Whether a dry run is in progress on this thread. */
    public static boolean active() {
        return ACTIVE.get();
    }

    /** {@code n}, or at most 1 in a dry run. */
    static int steps(int n) {
        return active() ? Math.min(n, 1) : n;
    }
}
