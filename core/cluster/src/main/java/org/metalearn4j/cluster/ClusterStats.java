package org.metalearn4j.cluster;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What a coordinator's cluster traffic cost so far, for its end-of-run summary and the overhead benchmark: bytes sent
 * and received, time spent encoding and decoding, and where tasks were computed.
 */
public final class ClusterStats {
    final AtomicLong iterations = new AtomicLong();
    final AtomicLong remoteTasks = new AtomicLong();
    final AtomicLong localTasks = new AtomicLong();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();
    final AtomicLong stateQueries = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final DoubleAdder encodeSeconds = new DoubleAdder();
    final DoubleAdder decodeSeconds = new DoubleAdder();
    final DoubleAdder roundTripSeconds = new DoubleAdder();
    final DoubleAdder workerSeconds = new DoubleAdder();
    final DoubleAdder queuedSeconds = new DoubleAdder();

    /**
     * A snapshot.
     *
     * @param iterations       meta-iterations computed
     * @param remoteTasks      tasks whose results came from workers
     * @param localTasks       tasks computed by the coordinator (the first reference task, checks, no worker left)
     * @param resent           tasks sent again after a worker failed, timed out or left
     * @param ignored          answers ignored: late, duplicate, or from a dropped worker
     * @param stateQueries     parameter sets served to workers (one per worker per meta-iteration)
     * @param bytesOut         bytes sent: parameters and task orders
     * @param bytesIn          bytes received: results
     * @param encodeSeconds    time spent writing parameters and task orders
     * @param decodeSeconds    time spent reading results
     * @param roundTripSeconds summed from sending each remote task to receiving its result
     * @param workerSeconds    summed time the workers spent in computeTask for them
     * @param queuedSeconds    summed time they waited on the workers for a free task thread
     */
    public record Snapshot(long iterations, long remoteTasks, long localTasks, long resent, long ignored,
                           long stateQueries, long bytesOut, long bytesIn, double encodeSeconds, double decodeSeconds,
                           double roundTripSeconds, double workerSeconds, double queuedSeconds) {

        /**
         * The cost of the tasks' trips: round trips less the workers' compute and queueing time, so the parameter
         * fetches, (de)serialisation on both sides and the event bus.
         */
        public double transferSeconds() {
            return Math.max(0, roundTripSeconds - workerSeconds - queuedSeconds);
        }
    }

    /** The counts so far. */
    public Snapshot snapshot() {
        return new Snapshot(iterations.get(), remoteTasks.get(), localTasks.get(), resent.get(), ignored.get(),
                stateQueries.get(), bytesOut.get(), bytesIn.get(), encodeSeconds.sum(), decodeSeconds.sum(),
                roundTripSeconds.sum(), workerSeconds.sum(), queuedSeconds.sum());
    }
}
