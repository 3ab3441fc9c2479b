package org.metalearn4j.core.tensor;

/**
 * Per-thread switches: whether ops record the graph, and whether every op result is checked for NaN/Inf. Thread-local
 * so that concurrent learners never see each other's scopes.
 */
final class Mode {
    private static final ThreadLocal<boolean[]> FLAGS = ThreadLocal.withInitial(() -> new boolean[] {true, false});
    private static final int GRAD = 0;
    private static final int CHECK = 1;

    private Mode() {
    }

    static boolean gradEnabled() {
        return FLAGS.get()[GRAD];
    }

    static boolean checkNumerics() {
        return FLAGS.get()[CHECK];
    }

    static Scope setGrad(boolean enabled) {
        return set(GRAD, enabled);
    }

    static Scope setCheck(boolean enabled) {
        return set(CHECK, enabled);
    }

    private static Scope set(int flag, boolean value) {
        boolean[] flags = FLAGS.get();
        boolean previous = flags[flag];
        flags[flag] = value;
        return () -> flags[flag] = previous;
    }
}
