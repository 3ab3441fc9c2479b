package org.metalearn4j.cluster.wire;

/**
 * The event-bus addresses of the cluster protocol. Workers announce themselves on {@link #ANNOUNCE} and answer
 * {@link #ROLL_CALL}; a coordinator prepares each worker for its run at {@link #setup}, sends it tasks at
 * {@link #tasks} (or, with shared assignment, at {@link #runTasks}, where every prepared worker listens), and serves
 * the parameters of each meta-iteration at {@link #state}.
 */
public final class Addresses {
    /** Where a worker publishes its {@link MemberInfo} when it starts. */
    public static final String ANNOUNCE = "metalearn.cluster.announce";
    /** Where {@link RollCall}s are published; every member answers with its {@link MemberInfo}. */
    public static final String ROLL_CALL = "metalearn.cluster.roll-call";
    /** Where a coordinator publishes {@link RunEnded}. */
    public static final String RUN_ENDED = "metalearn.cluster.run-ended";

    private static final String WORKER = "metalearn.cluster.worker.";
    private static final String RUN = "metalearn.cluster.run.";

    private Addresses() {
    }

    /** Where worker {@code id} receives {@link RunSpec}s. */
    public static String setup(String id) {
        return WORKER + id + ".setup";
    }

    /** Where worker {@code id} receives {@link TaskOrder}s meant for it alone. */
    public static String tasks(String id) {
        return WORKER + id + ".tasks";
    }

    /** Where worker {@code id} receives {@link Dismissal}s. */
    public static String dismiss(String id) {
        return WORKER + id + ".dismiss";
    }

    /** Where every worker prepared for run {@code runId} takes {@link TaskOrder}s in turn (shared assignment). */
    public static String runTasks(String runId) {
        return RUN + runId + ".tasks";
    }

    /** Where the coordinator of run {@code runId} answers {@link StateQuery}s. */
    public static String state(String runId) {
        return RUN + runId + ".state";
    }

    /** A reply address for one roll call. */
    public static String rollCallReplies(String id) {
        return "metalearn.cluster.roll-call-replies." + id;
    }
}
