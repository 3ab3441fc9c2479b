package org.metalearn4j.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.cluster.ClusterStats;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.train.TaskExecutorFactory;
import org.metalearn4j.examples.MainOptions;

/**
 * Issue 21's first figures: one meta-iteration computed here with {@code --local-threads} task threads against the
 * same iteration computed by {@code --workers} worker processes of {@code --worker-threads} each on this machine, and
 * what the cluster costs per iteration: megabytes sent and received, milliseconds spent encoding and decoding, and the
 * time tasks spend travelling (round trip less the workers' compute time). Prints one JSON line; also whether the two
 * runs end with the same parameters (bitwise for float64; for float32 the largest difference is reported).
 *
 * <pre>
 * examples/scripts/cluster-bench.sh ClusterOverhead --config examples/configs/omniglot-maml.yaml \
 *     --iterations 12 --warmup 2 --workers 2 --worker-threads 1 --local-threads 2
 * </pre>
 */
public final class ClusterOverhead {
    private ClusterOverhead() {
    }

    public static void main(String[] args) throws Exception {
        MainOptions o = new MainOptions(args, Map.of("config", "examples/configs/omniglot-maml.yaml", "set", "",
                "iterations", "6", "warmup", "1", "workers", "2", "worker-threads", "1", "local-threads", "2",
                "logs", "runs/bench-cluster-overhead"));
        int warmup = o.integer("warmup");
        PluginRegistry registry = PluginRegistry.classpath();
        RunConfig config = ClusterBenchOptions.config(o, "learner.params.taskThreads=" + o.integer("local-threads"));
        System.err.printf("local run, %d task threads...%n", o.integer("local-threads"));
        ClusterRig.Timed here = ClusterRig.train(config, TaskExecutorFactory.local(), registry, it -> { });
        System.err.printf("  %.3f s per iteration%n", here.secondsPerIteration(warmup));

        Path logs = Files.createDirectories(Path.of(o.string("logs")));
        ClusterRig.Timed there;
        try (ClusterRig rig = new ClusterRig(logs, 600)) {
            for (int k = 1; k <= o.integer("workers"); k++) {
                rig.startWorker("bench-" + k, o.integer("worker-threads"), 0);
            }
            System.err.printf("cluster run, %d workers of %d task thread(s) (logs: %s)...%n", o.integer("workers"),
                    o.integer("worker-threads"), logs);
            there = ClusterRig.train(rig.onCluster(config, o.integer("workers")), rig.executors(registry), registry,
                    it -> { });
        }
        ClusterStats.Snapshot s = there.stats();
        double perIteration = s.iterations();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", "local-threads-vs-local-workers");
        row.put("config", o.string("config"));
        row.put("set", o.string("set"));
        row.put("iterationsTimed", here.stepSeconds().size() - warmup);
        row.put("localThreads", o.integer("local-threads"));
        row.put("localSecondsPerIteration", here.secondsPerIteration(warmup));
        row.put("workers", o.integer("workers"));
        row.put("workerThreads", o.integer("worker-threads"));
        row.put("clusterSecondsPerIteration", there.secondsPerIteration(warmup));
        row.put("clusterOverLocal", there.secondsPerIteration(warmup) / here.secondsPerIteration(warmup));
        row.put("mbSentPerIteration", s.bytesOut() / perIteration / (1 << 20));
        row.put("mbReceivedPerIteration", s.bytesIn() / perIteration / (1 << 20));
        row.put("encodeMsPerIteration", 1000 * s.encodeSeconds() / perIteration);
        row.put("decodeMsPerIteration", 1000 * s.decodeSeconds() / perIteration);
        row.put("transferMsPerTask", s.remoteTasks() == 0 ? 0 : 1000 * s.transferSeconds() / s.remoteTasks());
        row.put("parameterFetchesPerIteration", s.stateQueries() / perIteration);
        row.put("remoteTasks", s.remoteTasks());
        row.put("localTasks", s.localTasks());
        row.put("resent", s.resent());
        row.put("bitwiseEqualToLocal", Arrays.equals(there.stateBytes(), here.stateBytes()));
        row.put("maxParameterDifference", there.maxParameterDifference(here));
        System.out.println(ConfigMappers.plain().writeValueAsString(row));
    }
}
