package org.metalearn4j.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.cluster.ClusterStats;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.examples.MainOptions;

/**
 * Issue 21's simulated scaling table: the seconds per meta-iteration with 1, 2, 4, 8 ... worker processes when each
 * task takes {@code --delay-ms} longer than its (small) computation, as if the workers were other machines, against
 * the ideal {@code ceil(metaBatch / workers) * delay}. What is left over is the coordinator's and the event bus's
 * cost (encoding, parameters to every worker, results back); where it approaches the ideal time, communication
 * dominates. The default task is sinusoid MAML with an MLP of about Omniglot Conv4's parameter count, so messages
 * have the Omniglot sizes while the computation stays small enough for 8 workers on 2 cores. One JSON line per count.
 *
 * <pre>
 * examples/scripts/cluster-bench.sh ClusterScaling --workers 1,2,4,8 --delay-ms 200
 * </pre>
 */
public final class ClusterScaling {
    private ClusterScaling() {
    }

    public static void main(String[] args) throws Exception {
        MainOptions o = new MainOptions(args, Map.of("config", "examples/configs/sinusoid-maml.yaml",
                "set", "learner.params.backbone.hidden=[330, 330];train.metaBatch=32", "iterations", "6",
                "warmup", "1", "workers", "1,2,4,8", "delay-ms", "200", "logs", "runs/bench-cluster-scaling"));
        PluginRegistry registry = PluginRegistry.classpath();
        RunConfig config = ClusterBenchOptions.config(o);
        int metaBatch = config.train().metaBatch();
        long delay = o.integer("delay-ms");
        for (String count : o.list("workers")) {
            int workers = Integer.parseInt(count.trim());
            Path logs = Files.createDirectories(Path.of(o.string("logs"), workers + "-workers"));
            ClusterRig.Timed timed;
            try (ClusterRig rig = new ClusterRig(logs, 600)) {
                for (int k = 1; k <= workers; k++) {
                    rig.startWorker("scale-" + k, 1, delay);
                }
                System.err.printf("%d worker(s), %d ms per task...%n", workers, delay);
                timed = ClusterRig.train(rig.onCluster(config, workers), rig.executors(registry), registry,
                        it -> { });
            }
            ClusterStats.Snapshot s = timed.stats();
            double seconds = timed.secondsPerIteration(o.integer("warmup"));
            double ideal = Math.ceil((double) metaBatch / workers) * delay / 1000.0;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("figure", "simulated-scaling");
            row.put("workers", workers);
            row.put("metaBatch", metaBatch);
            row.put("taskDelayMs", delay);
            row.put("secondsPerIteration", seconds);
            row.put("idealSecondsPerIteration", ideal);
            row.put("overheadSecondsPerIteration", seconds - ideal);
            row.put("overheadShare", (seconds - ideal) / seconds);
            row.put("mbSentPerIteration", s.bytesOut() / (double) s.iterations() / (1 << 20));
            row.put("mbReceivedPerIteration", s.bytesIn() / (double) s.iterations() / (1 << 20));
            row.put("transferMsPerTask", s.remoteTasks() == 0 ? 0 : 1000 * s.transferSeconds() / s.remoteTasks());
            System.out.println(ConfigMappers.plain().writeValueAsString(row));
        }
    }
}
