package org.metalearn4j.cluster;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.metalearn4j.cluster.wire.Addresses;
import org.metalearn4j.cluster.wire.Dismissal;
import org.metalearn4j.cluster.wire.Failure;
import org.metalearn4j.cluster.wire.MemberInfo;
import org.metalearn4j.cluster.wire.RollCall;
import org.metalearn4j.cluster.wire.RunEnded;
import org.metalearn4j.cluster.wire.RunSpec;
import org.metalearn4j.cluster.wire.SetupAnswer;
import org.metalearn4j.cluster.wire.StateQuery;
import org.metalearn4j.cluster.wire.TaskOrder;
import org.metalearn4j.cluster.wire.Wire;
import org.metalearn4j.cluster.wire.WireException;
import org.metalearn4j.core.exec.ExecutorStoppedException;
import org.metalearn4j.core.exec.LocalTaskExecutor;
import org.metalearn4j.core.exec.ScheduledTask;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.state.StateDict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of distributed meta-training: a {@link TaskExecutor} that computes the tasks of each
 * meta-batch on the cluster's workers and returns their results in task order, so the learner's update is the one a
 * local run would make.
 *
 * <p>Per meta-iteration the learner's {@code computeState()} is encoded once and each worker fetches it once
 * ({@link StateQuery}); tasks travel as their seeds (with a checksum) to workers that opened the data set, as their
 * examples to the others. With weighted assignment each worker gets a share of the meta-batch in proportion to its
 * measured speed and at most twice its thread count of tasks at once, and an idle worker takes queued tasks of a
 * slower one when it would finish them sooner; with shared assignment every task goes to the run's shared address
 * and the event bus hands them out in turn.
 *
 * <p>Faults: a worker that does not answer within the task timeout, whose node leaves the cluster, that answers
 * with a result of other shapes or that cannot read its orders is dropped with a warning and its tasks go to the
 * others; a result with NaN or infinity, or a failure of the learner on a worker, is checked by computing the task
 * here, and the worker is dropped only when this process gets a finite result. Each task's first accepted result is
 * used and later ones ignored, so none is lost or counted twice. With no worker left the tasks are computed here or
 * the run stops ({@link ExecutorStoppedException}), as {@link ClusterConfig#whenNoWorkers()} says. Workers joining
 * during the run are prepared in the background and used from the next meta-batch.
 *
 * <p>Threads: the training thread encodes parameters and runs any task computed here; replies are decoded on Vert.x
 * event loops; every decision about workers and tasks is taken on one dispatch thread, which owns that state.
 */
public final class ClusterTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTaskExecutor.class);
    private static final long POLL_MILLIS = 20;

    private final Vertx vertx;
    private final ClusterMembership membership;
    private final ClusterConfig config;
    private final RunSpec spec;
    private final String learnerName;
    private final String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
    private final ClusterStats stats = new ClusterStats();
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "metalearn4j-cluster-dispatch");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Runnable> trainingThreadJobs = new LinkedBlockingQueue<>();
    private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
    private Runnable stopWatchingMembers = () -> { };
    private volatile Parameters parameters;
    private volatile ResultCheck check;
    private long version;
    private boolean warnedLocal;

    // owned by the dispatch thread
    private final Map<String, Remote> workers = new LinkedHashMap<>();
    private Batch batch;

    /** One iteration's {@code computeState()}, encoded once and served to every worker that asks. */
    private record Parameters(long version, Buffer message) {
    }

    /** The meta-batch being computed; owned by the dispatch thread. */
    private static final class Batch {
        final long version;
        final TaskwiseLearner learner;
        final List<ScheduledTask> tasks;
        final TaskResult[] results;
        final List<Integer> toSend;
        final CompletableFuture<List<TaskResult>> done = new CompletableFuture<>();
        final Map<Integer, Long> checksums = new HashMap<>();
        final Deque<Integer> shared = new ArrayDeque<>();
        final Set<Integer> withExamples = new HashSet<>();
        int sharedInFlight;
        int remaining;

        Batch(long version, TaskwiseLearner learner, List<ScheduledTask> tasks, TaskResult[] results,
              List<Integer> toSend) {
            this.version = version;
            this.learner = learner;
            this.tasks = tasks;
            this.results = results;
            this.toSend = toSend;
            this.remaining = (int) Arrays.stream(results).filter(r -> r == null).count();
        }
    }

    private ClusterTaskExecutor(Vertx vertx, ClusterMembership membership, ClusterConfig config, RunSpec spec,
                                String learnerName) {
        this.vertx = vertx;
        this.membership = membership;
        this.config = config;
        this.spec = spec;
        this.learnerName = learnerName;
    }

    /**
     * Starts coordinating run {@code spec.runId()}: listens for workers, calls the roll, prepares every worker that
     * answers, and waits until {@link ClusterConfig#workers()} are ready or the join timeout passes.
     *
     * @param learnerName the run's learner, which a worker must have
     * @throws ClusterException if no worker joined in time and the run is to stop when it has none
     */
    public static ClusterTaskExecutor start(Vertx vertx, ClusterMembership membership, ClusterConfig config,
                                            RunSpec spec, String learnerName) {
        ClusterTaskExecutor e = new ClusterTaskExecutor(vertx, membership, config, spec, learnerName);
        try {
            e.listen();
            e.awaitWorkers();
            return e;
        } catch (RuntimeException failure) {
            e.close();
            throw failure;
        }
    }

    /** What the cluster traffic has cost so far. */
    public ClusterStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** The run's id in the cluster's messages. */
    public String runId() {
        return spec.runId();
    }

    /** The workers in use now, by id, with the tasks each has computed for this run. */
    public Map<String, Long> workerTasks() {
        return onDispatch(() -> {
            Map<String, Long> out = new LinkedHashMap<>();
            workers.values().stream().filter(Remote::live).forEach(w -> out.put(w.info.id(), w.tasksDone));
            return out;
        });
    }

    @Override
    public List<TaskResult> computeAll(TaskwiseLearner learner, List<ScheduledTask> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        stats.iterations.incrementAndGet();
        if (onDispatch(() -> live().isEmpty())) {
            return withoutWorkers(learner, tasks);
        }
        version++;
        long t0 = System.nanoTime();
        parameters = new Parameters(version, Wire.encode(new StateQuery(spec.runId(), version),
                learner.computeState()));
        stats.encodeSeconds.add((System.nanoTime() - t0) / 1e9);
        TaskResult[] results = new TaskResult[tasks.size()];
        int first = 0;
        if (check == null) {
            // one task computed here gives the shapes every worker's results must have
            results[0] = learner.computeTask(tasks.get(0).task(), tasks.get(0).index());
            stats.localTasks.incrementAndGet();
            check = ResultCheck.of(results[0]);
            first = 1;
        }
        List<Integer> toSend = new ArrayList<>();
        for (int p = first; p < tasks.size(); p++) {
            toSend.add(p);
        }
        Batch b = new Batch(version, learner, tasks, results, toSend);
        dispatch.execute(() -> begin(b));
        while (!b.done.isDone()) {
            try {
                Runnable job = trainingThreadJobs.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (job != null) {
                    job.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the cluster computed a meta-batch", e);
            }
        }
        trainingThreadJobs.clear();
        try {
            return b.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the cluster computed a meta-batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Ends the run for the workers, stops listening and logs what the cluster did. */
    @Override
    public void close() {
        try {
            stopWatchingMembers.run();
            vertx.eventBus().publish(Addresses.RUN_ENDED, Wire.encode(new RunEnded(spec.runId())));
            Future.all(consumers.stream().map(MessageConsumer::unregister).toList())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("cluster run {}: leaving its addresses failed: {}", spec.runId(), e.toString());
        }
        dispatch.shutdownNow();
        ClusterStats.Snapshot s = stats.snapshot();
        if (s.iterations() > 0) {
            double mb = 1 << 20;
            LOG.info("cluster run {}: {} meta-iterations, {} tasks computed by workers, {} here, {} sent again; {}"
                            + " MB sent, {} MB received ({} and {} MB per iteration)", spec.runId(), s.iterations(),
                    s.remoteTasks(), s.localTasks(), s.resent(), String.format("%.1f", s.bytesOut() / mb),
                    String.format("%.1f", s.bytesIn() / mb), String.format("%.2f", s.bytesOut() / mb / s.iterations()),
                    String.format("%.2f", s.bytesIn() / mb / s.iterations()));
        }
    }

    private void listen() {
        Handler<Message<Object>> member = m -> {
            try {
                MemberInfo info = Wire.decode(m.body(), MemberInfo.class).header();
                later(() -> consider(info));
            } catch (WireException e) {
                LOG.warn("ignoring a member announcement that does not parse: {}", e.getMessage());
            }
        };
        consumers.add(vertx.eventBus().consumer(Addresses.ANNOUNCE, member));
        consumers.add(vertx.eventBus().consumer(Addresses.rollCallReplies(id), member));
        consumers.add(vertx.eventBus().consumer(Addresses.ROLL_CALL, this::answerRollCall));
        consumers.add(vertx.eventBus().consumer(Addresses.state(spec.runId()), this::serveParameters));
        Future.all(consumers.stream().map(MessageConsumer::completion).toList()).await();
        stopWatchingMembers = membership.onLeft(node -> later(() -> nodeLeft(node)));
        vertx.eventBus().publish(Addresses.ROLL_CALL, Wire.encode(new RollCall(Addresses.rollCallReplies(id))));
    }

    private void awaitWorkers() {
        long deadline = System.nanoTime() + (long) (config.joinTimeoutSeconds() * 1e9);
        int ready = 0;
        while (System.nanoTime() < deadline) {
            ready = onDispatch(() -> live().size());
            if (ready >= config.workers()) {
                break;
            }
            sleep(100);
        }
        ready = onDispatch(() -> live().size());
        if (ready == 0 && config.workers() > 0) {
            String message = "no worker joined cluster '" + config.name() + "' within "
                    + Duration.ofMillis((long) (config.joinTimeoutSeconds() * 1000)).toSeconds() + " s: start"
                    + " workers with the same cluster settings (metalearn worker --cluster-config FILE)";
            if (config.whenNoWorkers() == ClusterConfig.NoWorkers.STOP) {
                throw new ClusterException(message + ", or set cluster.whenNoWorkers: local to train without them");
            }
            LOG.warn("{}; computing tasks in this process until one joins (cluster.whenNoWorkers: local)", message);
            warnedLocal = true;
        } else if (ready < config.workers()) {
            LOG.warn("only {} of {} workers joined cluster '{}' within {} s; starting with them", ready,
                    config.workers(), config.name(), config.joinTimeoutSeconds());
        }
    }

    // ---- on the dispatch thread ----

    private List<Remote> live() {
        return workers.values().stream().filter(Remote::live).toList();
    }

    private void consider(MemberInfo info) {
        if (!MemberInfo.WORKER.equals(info.role()) || workers.containsKey(info.id())) {
            return;
        }
        Remote w = new Remote(info);
        workers.put(info.id(), w);
        if (!info.version().equals(spec.version()) || !info.nd4j().equals(spec.nd4j())) {
            refuse(w, "it runs metalearn4j " + info.version() + " with ND4J " + info.nd4j() + ", this coordinator"
                    + " metalearn4j " + spec.version() + " with ND4J " + spec.nd4j());
            return;
        }
        if (!info.learners().contains(learnerName)) {
            refuse(w, "it has no learner '" + learnerName + "' (install its plugin on the worker with"
                    + " --plugins-dir); it has " + info.learners());
            return;
        }
        vertx.eventBus().request(Addresses.setup(info.id()), Wire.encode(spec), deliveryWithin(
                config.setupTimeoutSeconds())).onComplete(ar -> later(() -> setupAnswered(w, ar)));
    }

    private void setupAnswered(Remote w, AsyncResult<Message<Object>> ar) {
        if (w.state != Remote.State.PREPARING) {
            return;
        }
        if (ar.failed()) {
            refuse(w, "it did not answer the run setup: " + ar.cause().getMessage());
            return;
        }
        SetupAnswer answer;
        try {
            answer = Wire.decode(ar.result().body(), SetupAnswer.class).header();
        } catch (WireException e) {
            refuse(w, "its answer to the run setup does not parse: " + e.getMessage());
            return;
        }
        if (!answer.ready()) {
            refuse(w, answer.reason());
            return;
        }
        w.state = Remote.State.READY;
        w.hasData = answer.hasData();
        warnedLocal = false;
        LOG.info("worker {} joined run {}: {}, {} task thread(s), {} GFLOP/s{}", w.describe(), spec.runId(),
                w.info.device(), w.info.threads(), String.format("%.1f", w.info.speed()), answer.hasData()
                        ? "" : "; episodes travel with its tasks (" + answer.dataNote() + ")");
    }

    private void refuse(Remote w, String reason) {
        w.state = Remote.State.REFUSED;
        LOG.warn("worker {} refused for run {}: {}", w.describe(), spec.runId(), reason);
    }

    private void begin(Batch b) {
        batch = b;
        workers.values().forEach(w -> {
            w.queue.clear();
            w.inFlight.clear();
        });
        if (b.remaining == 0) {
            b.done.complete(List.of(b.results));
            return;
        }
        List<Remote> live = live();
        if (live.isEmpty()) {
            noWorkers(b, b.toSend);
            return;
        }
        if (config.assignment() == ClusterConfig.Assignment.SHARED) {
            b.shared.addAll(b.toSend);
            pumpShared(b);
            return;
        }
        double perGflop = tasksPerGflop(live);
        double[] weights = live.stream().mapToDouble(w -> w.rate(perGflop)).toArray();
        // a worker not measured yet (one that joined mid-run) gets a task even where its announced speed rounds to
        // none, or it would never be measured and never get one
        boolean[] unmeasured = new boolean[live.size()];
        for (int k = 0; k < live.size(); k++) {
            unmeasured[k] = !live.get(k).measured();
        }
        int[] counts = Shares.atLeastOne(Shares.split(b.toSend.size(), weights), unmeasured);
        int next = 0;
        for (int k = 0; k < live.size(); k++) {
            for (int c = 0; c < counts[k]; c++) {
                live.get(k).queue.addLast(b.toSend.get(next++));
            }
        }
        // every worker first sends its own share, so that none steals a task its owner would start at once
        live.forEach(w -> pumpOwn(b, w));
        live.forEach(w -> pump(b, w));
    }

    /** Sends {@code w} queued tasks (its own, or taken from a slower worker) up to its capacity. */
    private void pump(Batch b, Remote w) {
        pumpOwn(b, w);
        while (w.live() && w.inFlight.size() < w.capacity()) {
            Integer p = steal(w);
            if (p == null) {
                return;
            }
            send(b, w, p);
        }
    }

    /** Sends {@code w} its own queued tasks up to its capacity. */
    private void pumpOwn(Batch b, Remote w) {
        while (w.live() && w.inFlight.size() < w.capacity() && !w.queue.isEmpty()) {
            send(b, w, w.queue.pollFirst());
        }
    }

    /**
     * The last queued task of the worker that would reach it latest, if {@code thief} would finish it sooner. Both
     * estimates count the tasks each has in flight: a busy thief must not take the task of an idle worker.
     */
    private Integer steal(Remote thief) {
        List<Remote> live = live();
        double perGflop = tasksPerGflop(live);
        Remote victim = live.stream().filter(v -> v != thief && !v.queue.isEmpty())
                .max(Comparator.comparingDouble(v -> backlog(v) / v.rate(perGflop))).orElse(null);
        if (victim == null
                || (thief.inFlight.size() + 1) / thief.rate(perGflop) >= backlog(victim) / victim.rate(perGflop)) {
            return null;
        }
        return victim.queue.pollLast();
    }

    /** Tasks {@code w} has to compute before its last queued one is done. */
    private static int backlog(Remote w) {
        return w.inFlight.size() + w.queue.size();
    }

    private static double tasksPerGflop(List<Remote> live) {
        return live.stream().filter(Remote::measured).mapToDouble(Remote::tasksPerGflop).average()
                .orElse(Double.NaN);
    }

    private void send(Batch b, Remote w, int p) {
        w.inFlight.add(p);
        boolean examples = !w.hasData || b.withExamples.contains(p);
        long sent = System.nanoTime();
        request(Addresses.tasks(w.info.id()), order(b, p, examples), ar -> {
            Answer a = Answer.of(ar, spec.runId(), b.version, check, stats);
            later(() -> answered(b, w, p, sent, a));
        });
    }

    private void pumpShared(Batch b) {
        List<Remote> live = live();
        int capacity = live.stream().mapToInt(Remote::capacity).sum();
        boolean examplesForAll = live.stream().anyMatch(w -> !w.hasData);
        while (b.sharedInFlight < capacity && !b.shared.isEmpty()) {
            int p = b.shared.pollFirst();
            b.sharedInFlight++;
            long sent = System.nanoTime();
            request(Addresses.runTasks(spec.runId()), order(b, p, examplesForAll || b.withExamples.contains(p)),
                    ar -> {
                        Answer a = Answer.of(ar, spec.runId(), b.version, check, stats);
                        later(() -> answered(b, null, p, sent, a));
                    });
        }
    }

    private Buffer order(Batch b, int p, boolean examples) {
        ScheduledTask t = b.tasks.get(p);
        boolean travel = examples || t.seed() == ScheduledTask.NO_SEED;
        long t0 = System.nanoTime();
        long checksum = travel ? 0 : b.checksums.computeIfAbsent(p, k -> Episodes.checksum(t.task()));
        Buffer message = Wire.encode(new TaskOrder(spec.runId(), b.version, t.index(), t.seed(), checksum,
                t.task().type().name(), t.task().ways(), t.task().shots(), t.task().domain()),
                travel ? Episodes.payload(t.task()) : null);
        stats.encodeSeconds.add((System.nanoTime() - t0) / 1e9);
        stats.bytesOut.addAndGet(message.length());
        return message;
    }

    private void request(String address, Buffer message, Handler<AsyncResult<Message<Object>>> handler) {
        vertx.eventBus().request(address, message, deliveryWithin(config.taskTimeoutSeconds())).onComplete(handler);
    }

    /**
     * Acts on the answer to task {@code p} sent to {@code sentTo} (null: to the shared address).
     */
    private void answered(Batch b, Remote sentTo, int p, long sent, Answer a) {
        if (b != batch || b.done.isDone()) {
            stats.ignored.incrementAndGet();
            return;
        }
        Remote from = sentTo != null ? sentTo : a.worker() == null ? null : workers.get(a.worker());
        if (sentTo != null) {
            sentTo.inFlight.remove(p);
        } else {
            b.sharedInFlight--;
        }
        if (from != null && !from.live()) {
            // a dropped worker's tasks were given out again when it was dropped (with shared assignment: now)
            stats.ignored.incrementAndGet();
            if (sentTo == null) {
                requeue(b, List.of(p));
            }
        } else if (a.failure() != 0) {
            failed(b, sentTo, p, a);
        } else if (a.problem() != null) {
            if (from != null) {
                drop(from, "answered task " + p + " of meta-iteration " + b.version + " with " + a.problem());
            } else {
                LOG.warn("run {}: task {} came back as {}; sending it again", spec.runId(), p, a.problem());
            }
            requeue(b, List.of(p));
        } else if (a.nonFinite() != null) {
            trainingThreadJobs.add(computeHere(b, p, from, "answered task " + p + " of meta-iteration " + b.version
                    + " with " + a.nonFinite()));
        } else {
            double roundTrip = (System.nanoTime() - sent) / 1e9;
            if (from != null) {
                from.measure(roundTrip - a.queuedSeconds());
                from.tasksDone++;
            }
            stats.roundTripSeconds.add(roundTrip);
            stats.workerSeconds.add(a.computeSeconds());
            stats.queuedSeconds.add(a.queuedSeconds());
            stats.remoteTasks.incrementAndGet();
            accept(b, p, a.result());
        }
        pumpAll(b);
    }

    private void failed(Batch b, Remote w, int p, Answer a) {
        String task = "task " + p + " of meta-iteration " + b.version;
        switch (a.failure()) {
            case Answer.TIMEOUT -> {
                if (w != null) {
                    drop(w, "did not answer " + task + " within " + config.taskTimeoutSeconds() + " s");
                } else {
                    LOG.warn("run {}: no worker answered {} within {} s; sending it again", spec.runId(), task,
                            config.taskTimeoutSeconds());
                }
                requeue(b, List.of(p));
            }
            case Answer.NO_HANDLERS -> {
                if (w != null) {
                    drop(w, "is gone: nothing listens at its address");
                    requeue(b, List.of(p));
                } else {
                    noWorkers(b, List.of(p));
                }
            }
            case Failure.DATA_MISMATCH -> {
                if (w != null) {
                    w.hasData = false;
                    w.queue.addFirst(p);
                } else {
                    b.withExamples.add(p);
                    requeue(b, List.of(p));
                }
                LOG.warn("run {}: {}; its tasks now carry their examples", spec.runId(), a.reason());
            }
            case Failure.TASK_FAILED -> trainingThreadJobs.add(computeHere(b, p, w, "failed on " + task + ": "
                    + a.reason()));
            case Failure.STALE -> requeue(b, List.of(p));
            default -> {
                if (w != null) {
                    drop(w, "could not take " + task + ": " + a.reason());
                } else {
                    LOG.warn("run {}: {} could not be delivered ({}); sending it again", spec.runId(), task,
                            a.reason());
                }
                requeue(b, List.of(p));
            }
        }
    }

    private void accept(Batch b, int p, TaskResult result) {
        if (b.results[p] != null) {
            stats.ignored.incrementAndGet();
            return;
        }
        b.results[p] = result;
        if (--b.remaining == 0) {
            b.done.complete(List.of(b.results));
        }
    }

    private void pumpAll(Batch b) {
        if (b.done.isDone()) {
            return;
        }
        if (config.assignment() == ClusterConfig.Assignment.SHARED) {
            pumpShared(b);
        } else {
            live().forEach(w -> pump(b, w));
        }
    }

    private void drop(Remote w, String reason) {
        if (!w.live()) {
            return;
        }
        w.state = Remote.State.DROPPED;
        List<Integer> orphans = new ArrayList<>(w.inFlight);
        orphans.addAll(w.queue);
        w.inFlight.clear();
        w.queue.clear();
        String next = !live().isEmpty() ? "the other workers"
                : config.whenNoWorkers() == ClusterConfig.NoWorkers.LOCAL ? "this process" : "nobody: the run stops";
        LOG.warn("worker {} {}: dropped from run {}{}", w.describe(), reason, spec.runId(),
                orphans.isEmpty() ? "" : "; its tasks " + orphans + " go to " + next);
        vertx.eventBus().send(Addresses.dismiss(w.info.id()), Wire.encode(new Dismissal(spec.runId(), reason)));
        if (batch != null && !batch.done.isDone()) {
            requeue(batch, orphans);
        }
    }

    private void requeue(Batch b, List<Integer> tasks) {
        if (tasks.isEmpty() || b.done.isDone()) {
            return;
        }
        stats.resent.addAndGet(tasks.size());
        List<Remote> live = live();
        if (live.isEmpty()) {
            noWorkers(b, tasks);
            return;
        }
        if (config.assignment() == ClusterConfig.Assignment.SHARED) {
            b.shared.addAll(tasks);
            pumpShared(b);
            return;
        }
        double perGflop = tasksPerGflop(live);
        for (int p : tasks) {
            live.stream().min(Comparator.comparingDouble(w -> (w.queue.size() + w.inFlight.size() + 1)
                    / w.rate(perGflop))).orElseThrow().queue.addLast(p);
        }
        live.forEach(w -> pump(b, w));
    }

    private void noWorkers(Batch b, List<Integer> tasks) {
        if (tasks.isEmpty() || b.done.isDone()) {
            return;
        }
        if (config.whenNoWorkers() == ClusterConfig.NoWorkers.STOP) {
            String message = "no worker is left in cluster '" + config.name() + "' for run " + spec.runId()
                    + ": stopping (cluster.whenNoWorkers: stop); the iterations done are checkpointed, continue with"
                    + " --resume once workers are back";
            LOG.warn(message);
            b.done.completeExceptionally(new ExecutorStoppedException(message));
            return;
        }
        if (!warnedLocal) {
            LOG.warn("no worker is left in cluster '{}' for run {}: computing its tasks in this process until one"
                    + " joins (cluster.whenNoWorkers: local)", config.name(), spec.runId());
            warnedLocal = true;
        }
        tasks.forEach(p -> trainingThreadJobs.add(computeHere(b, p, null, null)));
    }

    /**
     * A job for the training thread: computes task {@code p} here. With a {@code suspect}, the worker whose answer
     * {@code suspicion} describes is dropped if this process computes a finite result; otherwise the numbers are the
     * learner's own and the worker stays.
     */
    private Runnable computeHere(Batch b, int p, Remote suspect, String suspicion) {
        return () -> {
            ScheduledTask t = b.tasks.get(p);
            TaskResult result = null;
            RuntimeException error = null;
            try {
                result = b.learner.computeTask(t.task(), t.index());
            } catch (RuntimeException e) {
                error = e;
            }
            TaskResult computed = result;
            RuntimeException failure = error;
            later(() -> computedHere(b, p, computed, failure, suspect, suspicion));
        };
    }

    private void computedHere(Batch b, int p, TaskResult result, RuntimeException error, Remote suspect,
                              String suspicion) {
        if (b != batch || b.done.isDone()) {
            return;
        }
        stats.localTasks.incrementAndGet();
        if (error != null) {
            if (suspect != null) {
                LOG.warn("task {} fails in this process too, so worker {} is not at fault: {}", p, suspect.describe(),
                        error.toString());
            }
            b.done.completeExceptionally(error);
            return;
        }
        if (suspect != null) {
            String here = ResultCheck.nonFinite(result);
            if (here == null) {
                drop(suspect, suspicion + ", where this process computes it without failing or non-finite numbers");
            } else {
                LOG.warn("task {} gives {} in this process too: the learner's own numbers, worker {} stays", p, here,
                        suspect.describe());
            }
        }
        accept(b, p, result);
        pumpAll(b);
    }

    private void nodeLeft(String node) {
        workers.values().stream().filter(w -> w.info.node().equals(node)).toList().forEach(w -> {
            if (w.state == Remote.State.PREPARING) {
                w.state = Remote.State.DROPPED;
            }
            drop(w, "left the cluster");
        });
    }

    // ---- on event loops ----

    private void serveParameters(Message<Object> message) {
        StateQuery query;
        try {
            query = Wire.decode(message.body(), StateQuery.class).header();
        } catch (WireException e) {
            message.fail(Failure.BAD_MESSAGE, "the coordinator cannot read the parameter request: " + e.getMessage());
            return;
        }
        Parameters now = parameters;
        if (now == null || now.version() != query.version()) {
            message.fail(Failure.STALE, "meta-iteration " + query.version() + " is over; run " + spec.runId()
                    + " is at " + (now == null ? 0 : now.version()));
            return;
        }
        Buffer reply = now.message().copy();
        stats.stateQueries.incrementAndGet();
        stats.bytesOut.addAndGet(reply.length());
        message.reply(reply);
    }

    private void answerRollCall(Message<Object> message) {
        try {
            RollCall call = Wire.decode(message.body(), RollCall.class).header();
            ClusterStats.Snapshot s = stats.snapshot();
            MemberInfo me = new MemberInfo(MemberInfo.COORDINATOR, id, membership.nodeId(), config.host(),
                    spec.version(), spec.nd4j(), "", "", 0, 0, s.remoteTasks(),
                    s.roundTripSeconds() > 0 ? s.remoteTasks() / s.roundTripSeconds() : 0, spec.runId(),
                    List.of(learnerName));
            vertx.eventBus().send(call.replyTo(), Wire.encode(me));
        } catch (WireException e) {
            LOG.warn("ignoring a roll call that does not parse: {}", e.getMessage());
        }
    }

    // ---- helpers ----

    /** The whole meta-batch here, on the learner's own threads, when no worker is ready. */
    private List<TaskResult> withoutWorkers(TaskwiseLearner learner, List<ScheduledTask> tasks) {
        if (config.whenNoWorkers() == ClusterConfig.NoWorkers.STOP) {
            String message = "no worker is in cluster '" + config.name() + "' for run " + spec.runId()
                    + ": stopping (cluster.whenNoWorkers: stop); the iterations done are checkpointed, continue with"
                    + " --resume once workers are back";
            LOG.warn(message);
            throw new ExecutorStoppedException(message);
        }
        boolean warn = onDispatch(() -> {
            boolean first = !warnedLocal;
            warnedLocal = true;
            return first;
        });
        if (warn) {
            LOG.warn("no worker is in cluster '{}' for run {}: computing its tasks in this process until one joins"
                    + " (cluster.whenNoWorkers: local)", config.name(), spec.runId());
        }
        stats.localTasks.addAndGet(tasks.size());
        return LocalTaskExecutor.learnersThreads().computeAll(learner, tasks);
    }

    /** Runs {@code work} on the dispatch thread; after {@link #close()}, answers still arriving are dropped. */
    private void later(Runnable work) {
        try {
            dispatch.execute(work);
        } catch (RejectedExecutionException closed) {
            stats.ignored.incrementAndGet();
        }
    }

    private <T> T onDispatch(Callable<T> work) {
        try {
            return dispatch.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the cluster dispatcher", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static DeliveryOptions deliveryWithin(double seconds) {
        return new DeliveryOptions().setSendTimeout((long) Math.ceil(seconds * 1000));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for workers", e);
        }
    }
}
