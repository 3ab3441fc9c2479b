package org.metalearn4j.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.metalearn4j.cluster.wire.Addresses;
import org.metalearn4j.cluster.wire.Dismissal;
import org.metalearn4j.cluster.wire.Failure;
import org.metalearn4j.cluster.wire.MemberInfo;
import org.metalearn4j.cluster.wire.RollCall;
import org.metalearn4j.cluster.wire.RunEnded;
import org.metalearn4j.cluster.wire.RunSpec;
import org.metalearn4j.cluster.wire.SetupAnswer;
import org.metalearn4j.cluster.wire.TaskAnswer;
import org.metalearn4j.cluster.wire.TaskOrder;
import org.metalearn4j.cluster.wire.Wire;
import org.metalearn4j.cluster.wire.WireException;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.train.RunComponents;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster member that computes tasks for coordinators ({@code metalearn worker}). It announces itself when it
 * starts and answers roll calls; for each run a coordinator prepares it for, it creates the run's learner from its own
 * providers (plugins included) and, when it can open the data set, regenerates episodes from their seeds. It computes
 * up to {@link WorkerSettings#threads()} tasks at once and forgets a run when it ends, when the coordinator dismisses
 * it or when the coordinator leaves the cluster.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final Vertx vertx;
    private final ClusterMembership membership;
    private final ProviderRegistry registry;
    private final WorkerSettings settings;
    private final String host;
    private final long fetchTimeoutMillis;
    private final ExecutorService pool;
    private final Map<String, WorkerRun> runs = new ConcurrentHashMap<>();
    private final Map<String, MessageConsumer<Object>> sharedConsumers = new ConcurrentHashMap<>();
    private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
    private final AtomicLong tasksDone = new AtomicLong();
    private final DoubleAdder computeSeconds = new DoubleAdder();
    private Runnable stopWatchingMembers = () -> { };

    private Worker(Vertx vertx, ClusterMembership membership, ProviderRegistry registry, WorkerSettings settings,
                   String host, long fetchTimeoutMillis) {
        this.vertx = vertx;
        this.membership = membership;
        this.registry = registry;
        this.settings = settings;
        this.host = host;
        this.fetchTimeoutMillis = fetchTimeoutMillis;
        this.pool = newPool(settings.threads());
    }

    /**
     * Registers the worker's addresses and announces it.
     *
     * @param host               the address it announces (the cluster configuration's host)
     * @param fetchTimeoutMillis how long fetching an iteration's parameters from a coordinator may take
     */
    public static Worker start(Vertx vertx, ClusterMembership membership, ProviderRegistry registry,
                               WorkerSettings settings, String host, long fetchTimeoutMillis) {
        Worker w = new Worker(vertx, membership, registry, settings, host, fetchTimeoutMillis);
        w.listen(Addresses.ROLL_CALL, w::rollCall);
        w.listen(Addresses.setup(settings.id()), w::setup);
        w.listen(Addresses.tasks(settings.id()), w::task);
        w.listen(Addresses.dismiss(settings.id()), w::dismissed);
        w.listen(Addresses.RUN_ENDED, w::runEnded);
        Future.all(w.consumers.stream().map(MessageConsumer::completion).toList()).await();
        w.stopWatchingMembers = membership.onLeft(w::nodeLeft);
        vertx.eventBus().publish(Addresses.ANNOUNCE, Wire.encode(w.info()));
        return w;
    }

    /** What this worker announces: who it is, its backend, device and speed, and what it has done. */
    public MemberInfo info() {
        long done = tasksDone.get();
        double seconds = computeSeconds.sum();
        return new MemberInfo(MemberInfo.WORKER, settings.id(), membership.nodeId(), host, settings.version(),
                settings.nd4j(), settings.backend(), settings.device(), settings.threads(), settings.speed(), done,
                seconds > 0 ? settings.threads() * done / seconds : 0, String.join(",", runs.keySet()),
                registry.learners().stream().map(LearnerProvider::name).sorted().toList());
    }

    /** Tasks computed so far. */
    public long tasksDone() {
        return tasksDone.get();
    }

    /** Stops listening (once the cluster knows, no order reaches this worker) and stops its task threads. */
    @Override
    public void close() {
        stopWatchingMembers.run();
        List<MessageConsumer<Object>> all = new ArrayList<>(consumers);
        all.addAll(sharedConsumers.values());
        Future.all(all.stream().map(MessageConsumer::unregister).toList()).await();
        runs.clear();
        pool.shutdownNow();
    }

    private void listen(String address, io.vertx.core.Handler<Message<Object>> handler) {
        consumers.add(vertx.eventBus().consumer(address, handler));
    }

    private void rollCall(Message<Object> message) {
        try {
            RollCall call = Wire.decode(message.body(), RollCall.class).header();
            vertx.eventBus().send(call.replyTo(), Wire.encode(info()));
        } catch (WireException e) {
            LOG.warn("ignoring a roll call that does not parse: {}", e.getMessage());
        }
    }

    private void setup(Message<Object> message) {
        RunSpec spec;
        try {
            spec = Wire.decode(message.body(), RunSpec.class).header();
        } catch (WireException e) {
            LOG.warn("refusing a run setup that does not parse: {}", e.getMessage());
            message.reply(Wire.encode(SetupAnswer.refused("it cannot read the run setup: " + e.getMessage())));
            return;
        }
        vertx.executeBlocking(() -> prepare(spec), false)
                .compose(answer -> answer.ready() ? takeSharedTasks(spec.runId()).map(answer)
                        : Future.succeededFuture(answer))
                .onComplete(ar -> message.reply(Wire.encode(ar.succeeded() ? ar.result()
                        : SetupAnswer.refused("preparing the run failed: " + ar.cause()))));
    }

    /** Listens at the run's shared task address; ready once the cluster knows it. */
    private Future<Void> takeSharedTasks(String runId) {
        MessageConsumer<Object> shared = vertx.eventBus().consumer(Addresses.runTasks(runId), this::task);
        sharedConsumers.put(runId, shared);
        return shared.completion();
    }

    /** Creates the run's learner and, if it can, opens its training episodes; the answer says which. */
    private SetupAnswer prepare(RunSpec spec) {
        String source = "run " + spec.runId() + " from the coordinator";
        if (!settings.version().equals(spec.version()) || !settings.nd4j().equals(spec.nd4j())) {
            return refuse(spec, "it runs metalearn4j " + settings.version() + " with ND4J " + settings.nd4j()
                    + ", the coordinator metalearn4j " + spec.version() + " with ND4J " + spec.nd4j());
        }
        RunConfig config;
        LearnerProvider<?> provider;
        try {
            config = ConfigLoader.fromJson(spec.configJson(), source);
            provider = EffectiveConfig.learner(config, registry, source);
        } catch (RuntimeException e) {
            return refuse(spec, "it cannot create the run's learner (install its plugin with --plugins-dir): "
                    + e.getMessage());
        }
        Learner learner;
        try {
            LearnerContext context = new LearnerContext(spec.inputShape(), TaskType.valueOf(spec.taskType()),
                    spec.ways(), spec.outputs(), spec.seed(), Optional.empty(), registry);
            learner = RunComponents.createLearner(provider, config.learner().params(), context, source);
        } catch (RuntimeException e) {
            return refuse(spec, "creating learner " + provider.name() + " failed: " + e.getMessage());
        }
        if (!(learner instanceof TaskwiseLearner taskwise)) {
            return refuse(spec, "learner " + provider.name() + " does not compute its tasks one by one");
        }
        TaskSource training = null;
        String dataNote = "";
        try {
            Dataset dataset = RunComponents.openDataset(EffectiveConfig.dataset(config, registry, source),
                    config.dataset().params(), source);
            var train = config.train();
            training = dataset.episodes(train.split(), new EpisodeSpec(train.way(), train.shot(), train.query()));
        } catch (RuntimeException e) {
            dataNote = e.getMessage();
        }
        WorkerRun run = new WorkerRun(vertx, spec.runId(), spec.coordinator(), taskwise, training,
                fetchTimeoutMillis);
        runs.put(spec.runId(), run);
        LOG.info("worker {}: computing tasks of run {} (learner {}, data set {}{})", settings.id(), spec.runId(),
                provider.name(), config.dataset().name(), training != null ? ", episodes regenerated from their seeds"
                        : "; its episodes travel with the tasks: " + dataNote);
        return new SetupAnswer(true, "", training != null, dataNote);
    }

    private SetupAnswer refuse(RunSpec spec, String reason) {
        LOG.warn("worker {} refuses run {}: {}", settings.id(), spec.runId(), reason);
        return SetupAnswer.refused(reason);
    }

    private void task(Message<Object> message) {
        Wire.Message<TaskOrder> order;
        try {
            order = Wire.decode(message.body(), TaskOrder.class);
        } catch (WireException e) {
            LOG.warn("worker {}: a task order does not parse: {}", settings.id(), e.getMessage());
            message.fail(Failure.BAD_MESSAGE, "worker " + settings.id() + " cannot read the task order: "
                    + e.getMessage());
            return;
        }
        long receivedAt = System.nanoTime();
        pool.execute(() -> compute(message, order, receivedAt));
    }

    private void compute(Message<Object> message, Wire.Message<TaskOrder> received, long receivedAt) {
        double queued = (System.nanoTime() - receivedAt) / 1e9;
        TaskOrder order = received.header();
        WorkerRun run = runs.get(order.runId());
        if (run == null) {
            message.fail(Failure.NOT_SET_UP, "worker " + settings.id() + " computes no tasks for run "
                    + order.runId() + " (not prepared for it, or dismissed)");
            return;
        }
        try {
            Task task = received.payload() != null ? Episodes.fromPayload(order, received.payload())
                    : run.regenerate(order);
            WorkerRun.Computed computed = run.compute(order.version(), task, order.index());
            if (!settings.taskDelay().isZero()) {
                Thread.sleep(settings.taskDelay().toMillis());
            }
            // the simulated delay counts as computing: it stands for a slower worker's computation
            double seconds = computed.seconds() + settings.taskDelay().toNanos() / 1e9;
            tasksDone.incrementAndGet();
            computeSeconds.add(seconds);
            TaskResult result = computed.result();
            message.reply(Wire.encode(new TaskAnswer(order.runId(), settings.id(), order.version(), order.index(),
                    result.loss(), result.metric(), result.extras(), seconds, queued), result.tensors()));
        } catch (WorkerRun.Mismatch e) {
            message.fail(Failure.DATA_MISMATCH, e.getMessage());
        } catch (WorkerRun.Stale e) {
            message.fail(Failure.STALE, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message.fail(Failure.TASK_FAILED, "worker " + settings.id() + " is shutting down");
        } catch (RuntimeException | Error e) {
            LOG.warn("worker {}: task {} of run {} failed: {}", settings.id(), order.index(), order.runId(),
                    e.toString());
            message.fail(Failure.TASK_FAILED, e.toString());
        }
    }

    private void dismissed(Message<Object> message) {
        try {
            Dismissal d = Wire.decode(message.body(), Dismissal.class).header();
            LOG.warn("worker {}: dismissed from run {}: {}", settings.id(), d.runId(), d.reason());
            forget(d.runId());
        } catch (WireException e) {
            LOG.warn("worker {}: ignoring a dismissal that does not parse: {}", settings.id(), e.getMessage());
        }
    }

    private void runEnded(Message<Object> message) {
        try {
            String runId = Wire.decode(message.body(), RunEnded.class).header().runId();
            if (runs.containsKey(runId)) {
                LOG.info("worker {}: run {} ended", settings.id(), runId);
                forget(runId);
            }
        } catch (WireException e) {
            LOG.warn("worker {}: ignoring a run-ended message that does not parse: {}", settings.id(),
                    e.getMessage());
        }
    }

    private void nodeLeft(String node) {
        runs.values().stream().filter(r -> r.coordinator().equals(node)).map(WorkerRun::runId).toList()
                .forEach(runId -> {
                    LOG.warn("worker {}: the coordinator of run {} left the cluster; waiting for the next run",
                            settings.id(), runId);
                    forget(runId);
                });
    }

    private void forget(String runId) {
        runs.remove(runId);
        MessageConsumer<Object> shared = sharedConsumers.remove(runId);
        if (shared != null) {
            shared.unregister();
        }
    }

    /** Task threads; with more than one, each runs its native ops on one OpenMP thread, as the local executor does. */
    private static ExecutorService newPool(int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(() -> {
                if (threads > 1) {
                    Nd4j.getExecutioner(); // the native library must be loaded before NativeOpsHolder is used
                    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                }
                r.run();
            }, "metalearn4j-worker-task-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
