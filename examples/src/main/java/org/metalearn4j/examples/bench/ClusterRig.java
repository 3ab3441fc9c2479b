package org.metalearn4j.examples.bench;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.metalearn4j.cluster.ClusterConfig;
import org.metalearn4j.cluster.ClusterExecutorFactory;
import org.metalearn4j.cluster.ClusterStats;
import org.metalearn4j.cluster.ClusterTaskExecutor;
import org.metalearn4j.cluster.ClusterVertxFactory;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TaskExecutorFactory;
import org.metalearn4j.examples.cli.LocalWorkers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The cluster benchmarks' set-up: worker processes of this machine ({@code metalearn worker}, one OpenMP thread per
 * task thread) in a cluster of the benchmark's own on 127.0.0.1, this process as the coordinator, and training runs
 * timed step by step, here or on the workers.
 */
final class ClusterRig implements AutoCloseable {
    private final ClusterConfig config;
    private final Path logs;
    private final double taskTimeoutSeconds;
    private final List<Process> workers = new ArrayList<>();
    private ClusterVertxFactory coordinator;
    private Vertx vertx;

    /**
     * @param taskTimeoutSeconds after how long an unanswered task is re-sent (the fault runs' detection time)
     */
    ClusterRig(Path logs, double taskTimeoutSeconds) {
        this.logs = logs;
        this.config = ClusterConfig.defaults().withNameAndWorkers("bench-"
                + UUID.randomUUID().toString().substring(0, 8), 0);
        this.taskTimeoutSeconds = taskTimeoutSeconds;
    }

    /** Starts a worker process with {@code threads} task threads and {@code delayMillis} added to every task. */
    Process startWorker(String id, int threads, long delayMillis) {
        try {
            Files.createDirectories(logs);
            Path file = logs.resolve("cluster.json");
            Files.writeString(file, config.toTree().toPrettyString());
            ProcessBuilder pb = new ProcessBuilder(LocalWorkers.javaCommand("worker", "--cluster-config",
                    file.toString(), "--id", id, "--threads", Integer.toString(threads), "--backend", "cpu",
                    "--task-delay-ms", Long.toString(delayMillis), "--parent-pid",
                    Long.toString(ProcessHandle.current().pid()))).redirectErrorStream(true)
                    .redirectOutput(logs.resolve(id + ".log").toFile());
            pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads > 1 ? 1 : ompThreads()));
            Process p = pb.start();
            workers.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenMP threads of a one-thread worker: the caller's OMP_NUM_THREADS, else 1 (workers share the cores). */
    private static int ompThreads() {
        String given = System.getenv("OMP_NUM_THREADS");
        return given == null ? 1 : Integer.parseInt(given);
    }

    /** A run's cluster section: await {@code count} workers, re-send tasks after the rig's timeout. */
    RunConfig onCluster(RunConfig run, int count) {
        return run.withCluster(config.withNameAndWorkers(config.name(), count).toTree()
                .put("taskTimeoutSeconds", taskTimeoutSeconds).put("joinTimeoutSeconds", 600));
    }

    /** The executors of runs coordinated by this process, which joins the cluster on first use. */
    TaskExecutorFactory executors(PluginRegistry registry) {
        if (vertx == null) {
            coordinator = new ClusterVertxFactory(config, false);
            vertx = coordinator.create();
        }
        return new ClusterExecutorFactory(vertx, coordinator, registry);
    }

    /** Stops the workers (those still alive) and leaves the cluster. */
    @Override
    public void close() {
        workers.forEach(Process::destroy);
        for (Process p : workers) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        if (vertx != null) {
            vertx.close().await();
        }
    }

    /**
     * One timed training run.
     *
     * @param stepSeconds each meta-iteration's seconds
     * @param state       the learner's final state
     * @param stats       the cluster traffic, or null for a run here
     * @param workerTasks tasks done by each worker still in the run at its end (empty for a run here)
     */
    record Timed(List<Double> stepSeconds, StateDict state, ClusterStats.Snapshot stats,
                 Map<String, Long> workerTasks) {
        /** Mean seconds per iteration after the first {@code warmup}. */
        double secondsPerIteration(int warmup) {
            return stepSeconds.subList(warmup, stepSeconds.size()).stream().mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN);
        }

        byte[] stateBytes() {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                state.write(new DataOutputStream(out));
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Largest absolute difference of a parameter from {@code other}'s. */
        double maxParameterDifference(Timed other) {
            double max = 0;
            for (String name : state.names()) {
                if (name.startsWith("params.")) {
                    INDArray a = state.get(name);
                    max = Math.max(max, a.sub(other.state.get(name).castTo(a.dataType())).amaxNumber().doubleValue());
                }
            }
            return max;
        }
    }

    /** Trains {@code config} with {@code executors}, calling {@code afterStep} with each completed iteration. */
    static Timed train(RunConfig config, TaskExecutorFactory executors, PluginRegistry registry,
                       IntConsumer afterStep) {
        RunConfig effective = EffectiveConfig.of(config, registry, "benchmark");
        RunComponents run = RunComponents.open(effective, registry, "benchmark");
        LoopPlan plan = LoopPlan.of(effective.train().iterations(), effective.train().metaBatch(), effective.seed());
        List<Double> steps = new ArrayList<>();
        try (TaskExecutor executor = executors.create(effective, run, "benchmark")) {
            new MetaTrainingLoop(run.learner(), run.training(), plan, run.metric()).executor(executor)
                    .events(e -> {
                        if (e instanceof StepEvent s) {
                            steps.add(s.stepSeconds());
                            afterStep.accept(s.iteration());
                        }
                    }).run(LoopStart.fresh(), () -> false);
            if (executor instanceof ClusterTaskExecutor c) {
                return new Timed(steps, run.learner().state(), c.stats(), c.workerTasks());
            }
            return new Timed(steps, run.learner().state(), null, Map.of());
        }
    }
}
