package org.metalearn4j.cluster.wire;

import java.util.List;
import java.util.Objects;

/**
 * What a member says about itself when it starts ({@link Addresses#ANNOUNCE}) and in answer to a {@link RollCall}.
 *
 * @param role           {@code worker} or {@code coordinator}
 * @param id             the member's name in messages and logs, e.g. {@code w-3f2a91}
 * @param node           its cluster node id
 * @param host           the address it announces
 * @param version        its metalearn4j version
 * @param nd4j           its ND4J version
 * @param backend        its ND4J backend, e.g. {@code cpu}
 * @param device         the backend's device description
 * @param threads        tasks it computes at once
 * @param speed          matrix-multiply speed measured at start, GFLOP/s (0 for a coordinator)
 * @param tasksDone      tasks computed (worker) or received from workers (coordinator) so far
 * @param tasksPerSecond tasks per second of computing, over the tasks done so far
 * @param run            the run it works on, or empty
 * @param learners       the learners it can compute tasks for
 */
public record MemberInfo(String role, String id, String node, String host, String version, String nd4j,
                         String backend, String device, int threads, double speed, long tasksDone,
                         double tasksPerSecond, String run, List<String> learners) {
    /** {@link #role()} of a worker. */
    public static final String WORKER = "worker";
    /** {@link #role()} of a coordinator. */
    public static final String COORDINATOR = "coordinator";

    public MemberInfo {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        learners = List.copyOf(learners);
        run = run == null ? "" : run;
    }
}
