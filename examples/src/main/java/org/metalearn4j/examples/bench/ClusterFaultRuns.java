package org.metalearn4j.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.train.TaskExecutorFactory;
import org.metalearn4j.examples.MainOptions;

/**
 * Issue 21's fault runs: {@code --runs} training runs on {@code --workers} worker processes, in each of which one
 * worker is killed with SIGKILL at a random point (after a random iteration, a random fraction of an iteration
 * later). Each run is compared with the same run without a kill (and with a run in this process): bitwise equality
 * and the largest parameter difference. The recovery time is how much longer the iteration with the kill took than
 * the median of the run's other iterations (the first excluded); it is bounded by {@code --timeout} (after which
 * unanswered tasks are re-sent) unless the cluster notices the dead member sooner, in which case its tasks are re-sent
 * at once or, between meta-batches, none needs to be. One JSON line per run, then a summary line.
 *
 * <pre>
 * examples/scripts/cluster-bench.sh ClusterFaultRuns --runs 10 --workers 3 --timeout 10
 * </pre>
 */
public final class ClusterFaultRuns {
    private ClusterFaultRuns() {
    }

    public static void main(String[] args) throws Exception {
        MainOptions o = new MainOptions(args, Map.of("config", "examples/configs/sinusoid-maml.yaml", "set", "",
                "iterations", "12", "runs", "10", "workers", "3", "timeout", "10", "seed", "1",
                "logs", "runs/bench-cluster-faults"));
        PluginRegistry registry = PluginRegistry.classpath();
        RunConfig config = ClusterBenchOptions.config(o);
        int workers = o.integer("workers");
        int iterations = config.train().iterations();
        if (workers < 2 || iterations < 3) {
            throw new IllegalArgumentException("--workers: need at least 2 (one is killed) and --iterations at least"
                    + " 3, got " + workers + " and " + iterations);
        }
        SplittableRandom random = new SplittableRandom(o.integer("seed"));
        ClusterRig.Timed here = ClusterRig.train(config, TaskExecutorFactory.local(), registry, it -> { });
        Path logs = Files.createDirectories(Path.of(o.string("logs")));
        List<Double> recoveries = new ArrayList<>();
        int bitwise = 0;
        try (ClusterRig rig = new ClusterRig(logs, o.number("timeout"))) {
            for (int k = 1; k < workers; k++) {
                rig.startWorker("steady-" + k, 1, 0);
            }
            // exactly `workers` processes are alive at the start of every run, all awaited: the victim is in it
            Process victim = rig.startWorker("victim-1", 1, 0);
            RunConfig onCluster = rig.onCluster(config, workers);
            System.err.println("reference run without a kill...");
            ClusterRig.Timed reference = ClusterRig.train(onCluster, rig.executors(registry), registry, it -> { });
            double median = median(reference.stepSeconds().subList(1, iterations));
            for (int run = 1; run <= o.integer("runs"); run++) {
                if (run > 1) {
                    victim = rig.startWorker("victim-" + run, 1, 0);
                }
                Process killed = victim;
                int after = 1 + random.nextInt(iterations - 2);
                double fraction = random.nextDouble();
                long[] stepEnds = new long[iterations + 1];
                AtomicLong killedAt = new AtomicLong();
                System.err.printf("run %d: killing victim-%d %.2f of an iteration after iteration %d%n", run, run,
                        fraction, after);
                ClusterRig.Timed timed = ClusterRig.train(onCluster, rig.executors(registry), registry, it -> {
                    stepEnds[it] = System.nanoTime();
                    if (it == after) {
                        CompletableFuture.runAsync(() -> {
                            sleep((long) (fraction * median * 1000));
                            killedAt.set(System.nanoTime());
                            killed.destroyForcibly();
                        });
                    }
                });
                killed.waitFor(30, TimeUnit.SECONDS);
                int hit = after + 1;
                while (hit < iterations && stepEnds[hit] < killedAt.get()) {
                    hit++;
                }
                List<Double> others = new ArrayList<>(timed.stepSeconds().subList(1, iterations));
                others.remove(hit - 2); // the iteration with the kill (hit >= 2: never the first)
                double usual = median(others);
                double recovery = timed.stepSeconds().get(hit - 1) - usual;
                recoveries.add(recovery);
                boolean same = Arrays.equals(timed.stateBytes(), reference.stateBytes());
                bitwise += same ? 1 : 0;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("figure", "fault-run");
                row.put("run", run);
                row.put("killedDuringIteration", hit);
                row.put("iterationSeconds", timed.stepSeconds().get(hit - 1));
                row.put("medianOtherIterationSeconds", usual);
                row.put("recoverySeconds", recovery);
                row.put("resent", timed.stats().resent());
                row.put("victimDropped", !timed.workerTasks().containsKey("victim-" + run));
                row.put("bitwiseEqualToRunWithoutKill", same);
                row.put("maxParameterDifference", timed.maxParameterDifference(reference));
                row.put("maxDifferenceFromLocalRun", timed.maxParameterDifference(here));
                System.out.println(ConfigMappers.plain().writeValueAsString(row));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("figure", "fault-runs-summary");
        summary.put("runs", recoveries.size());
        summary.put("bitwiseEqualRuns", bitwise);
        summary.put("medianRecoverySeconds", median(recoveries));
        summary.put("maxRecoverySeconds", recoveries.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        summary.put("taskTimeoutSeconds", o.number("timeout"));
        System.out.println(ConfigMappers.plain().writeValueAsString(summary));
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1]
                + v[v.length / 2]) / 2;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
