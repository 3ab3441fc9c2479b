package org.metalearn4j.cluster.wire;

/** Failure codes a worker answers a {@link TaskOrder} with ({@code message.fail(code, reason)}). */
public final class Failure {
    /** The order is for a meta-iteration the worker has already moved past. */
    public static final int STALE = 1;
    /** The worker is not prepared for the order's run (it restarted, or was dismissed). */
    public static final int NOT_SET_UP = 2;
    /** The learner's {@code computeTask} threw; the reason is its message. */
    public static final int TASK_FAILED = 3;
    /** The episode the worker regenerated from the seed differs from the coordinator's. */
    public static final int DATA_MISMATCH = 4;
    /** The message did not parse. */
    public static final int BAD_MESSAGE = 5;

    private Failure() {
    }
}
