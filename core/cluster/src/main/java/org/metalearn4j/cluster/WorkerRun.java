package org.metalearn4j.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.metalearn4j.cluster.wire.Addresses;
import org.metalearn4j.cluster.wire.StateQuery;
import org.metalearn4j.cluster.wire.TaskOrder;
import org.metalearn4j.cluster.wire.Wire;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;

/**
 * One run a worker computes tasks for: the learner it created from the run's configuration, the run's training
 * episodes when it could open the data set, and the meta-iteration whose parameters the learner holds. The parameters
 * of an iteration are fetched from the coordinator once, by the first task of that iteration; tasks of the iteration
 * then run side by side, and the next iteration's parameters are loaded only once they are done.
 */
final class WorkerRun {
    private final Vertx vertx;
    private final String runId;
    private final String coordinator;
    private final TaskwiseLearner learner;
    private final TaskSource training;
    private final long fetchTimeoutMillis;
    private final ReentrantReadWriteLock loading = new ReentrantReadWriteLock();
    private long loaded = -1;

    /**
     * @param training the run's training episodes, or null when the worker has no copy of the data set
     */
    WorkerRun(Vertx vertx, String runId, String coordinator, TaskwiseLearner learner, TaskSource training,
              long fetchTimeoutMillis) {
        this.vertx = vertx;
        this.runId = runId;
        this.coordinator = coordinator;
        this.learner = learner;
        this.training = training;
        this.fetchTimeoutMillis = fetchTimeoutMillis;
    }

    String runId() {
        return runId;
    }

    /** The coordinator's node id. */
    String coordinator() {
        return coordinator;
    }

    boolean hasData() {
        return training != null;
    }

    /**
     * The episode of an order without examples, regenerated from its seed.
     *
     * @throws Mismatch if this worker has no data set or its episode differs from the coordinator's
     */
    Task regenerate(TaskOrder order) {
        if (training == null) {
            throw new Mismatch("this worker has no copy of the run's data set");
        }
        Task task = training.sample(order.seed());
        long checksum = Episodes.checksum(task);
        if (checksum != order.checksum()) {
            throw new Mismatch("task " + order.index() + " regenerated from seed " + order.seed()
                    + " has checksum " + Long.toHexString(checksum) + ", the coordinator's "
                    + Long.toHexString(order.checksum()) + ": this worker's copy of the data set differs");
        }
        return task;
    }

    /**
     * A task's result and how long {@code computeTask} took (fetching the parameters not included).
     *
     * @param result  the result
     * @param seconds the compute time
     */
    record Computed(TaskResult result, double seconds) {
    }

    /**
     * {@code learner.computeTask} with the parameters of meta-iteration {@code version}.
     *
     * @throws Stale if the learner has already moved to a later iteration
     */
    Computed compute(long version, Task task, int index) {
        while (true) {
            load(version);
            loading.readLock().lock();
            try {
                if (loaded == version) {
                    long t0 = System.nanoTime();
                    TaskResult result = learner.computeTask(task, index);
                    return new Computed(result, (System.nanoTime() - t0) / 1e9);
                }
            } finally {
                loading.readLock().unlock();
            }
        }
    }

    /** Makes the learner hold iteration {@code version}'s parameters, waiting for tasks of the previous one. */
    private synchronized void load(long version) {
        if (loaded > version) {
            throw new Stale("meta-iteration " + version + " is over here; this worker computes iteration " + loaded);
        }
        if (loaded == version) {
            return;
        }
        Message<Object> reply;
        try {
            reply = vertx.eventBus().request(Addresses.state(runId), Wire.encode(new StateQuery(runId, version)),
                    new DeliveryOptions().setSendTimeout(fetchTimeoutMillis)).await();
        } catch (RuntimeException e) {
            throw new Stale("cannot fetch the parameters of meta-iteration " + version + " from the coordinator: "
                    + e.getMessage());
        }
        Wire.Message<StateQuery> state = Wire.decode(reply.body(), StateQuery.class);
        if (state.header().version() != version || state.payload() == null) {
            throw new Stale("the coordinator answered with the parameters of iteration " + state.header().version()
                    + " for " + version);
        }
        loading.writeLock().lock();
        try {
            learner.loadComputeState(state.payload());
            loaded = version;
        } finally {
            loading.writeLock().unlock();
        }
    }

    /** The order is for an iteration this worker cannot compute any more. */
    static final class Stale extends RuntimeException {
        Stale(String message) {
            super(message);
        }
    }

    /** This worker cannot regenerate the order's episode as the coordinator drew it. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }
}
