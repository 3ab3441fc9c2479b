package org.metalearn4j.cluster;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.metalearn4j.cluster.wire.MemberInfo;

/**
 * A coordinator's view of one worker in its run: whether it is being prepared, usable, refused or dropped, whether it
 * regenerates episodes itself, the tasks of the current meta-batch waiting for it and being computed by it, and how
 * fast it has answered. Used only on the coordinator's dispatch thread.
 */
final class Remote {
    /** Where a worker stands in the run. */
    enum State { PREPARING, READY, REFUSED, DROPPED }

    /** Weight of the newest round trip in the running average. */
    private static final double NEWEST = 0.3;

    final MemberInfo info;
    final Deque<Integer> queue = new ArrayDeque<>();
    final Set<Integer> inFlight = new LinkedHashSet<>();
    State state = State.PREPARING;
    boolean hasData;
    long tasksDone;
    private double secondsPerTask = Double.NaN;

    Remote(MemberInfo info) {
        this.info = info;
    }

    /**
     * Tasks sent and not answered at most: two per task thread, so that each thread finds its next task waiting
     * instead of idling for a round trip (a task's timeout then covers computing it after one other).
     */
    int capacity() {
        return 2 * info.threads();
    }

    boolean live() {
        return state == State.READY;
    }

    boolean measured() {
        return !Double.isNaN(secondsPerTask);
    }

    /** Records one task's round trip (sent to answered) in the running average. */
    void measure(double seconds) {
        secondsPerTask = measured() ? (1 - NEWEST) * secondsPerTask + NEWEST * seconds : seconds;
    }

    /**
     * Tasks per second: measured once it has answered, else its announced speed converted at {@code tasksPerGflop}
     * (from the measured workers; NaN when none is measured, and then the announced speed itself is the weight).
     */
    double rate(double tasksPerGflop) {
        if (measured()) {
            return info.threads() / secondsPerTask;
        }
        double announced = Math.max(info.speed(), 1e-3) * info.threads();
        return Double.isNaN(tasksPerGflop) ? announced : tasksPerGflop * announced;
    }

    /** Tasks per second per announced GFLOP/s, once measured. */
    double tasksPerGflop() {
        return measured() ? rate(Double.NaN) / (Math.max(info.speed(), 1e-3) * info.threads()) : Double.NaN;
    }

    String describe() {
        return info.id() + " (" + info.host() + ", " + info.backend() + ")";
    }
}
