package org.metalearn4j.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.metalearn4j.cluster.ClusterConfig;

/**
 * Worker processes of this machine that {@code metalearn train --local-workers N} starts for its run: each runs
 * {@code metalearn worker} with this JVM's options and class path in a cluster of the run's own, writes its log to
 * {@code RUN_DIR/workers/worker-K.log}, and ends when this process ends (or is killed).
 */
public final class LocalWorkers implements AutoCloseable {
    /** What Hazelcast needs of Java 17 (the launcher sets them too); added when this JVM was started without. */
    private static final List<String> HAZELCAST_FLAGS = List.of("--add-modules", "java.se", "--add-exports",
            "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens",
            "java.management/sun.management=ALL-UNNAMED", "--add-opens",
            "jdk.management/com.sun.management.internal=ALL-UNNAMED", "-Dvertx.disableDnsResolver=true");

    private final List<Process> processes;
    private final Path logs;

    private LocalWorkers(List<Process> processes, Path logs) {
        this.processes = processes;
        this.logs = logs;
    }

    /** None started. */
    static LocalWorkers none() {
        return new LocalWorkers(List.of(), null);
    }

    /**
     * Starts {@code count} workers of {@code threads} task threads each, joining the cluster {@code cluster}
     * describes; native ops get {@code cores / count} OpenMP threads each unless OMP_NUM_THREADS is set.
     */
    static LocalWorkers start(int count, int threads, ClusterConfig cluster, Path runDir, Path pluginsDir,
                              String backend, PrintStream err) {
        Path dir = runDir.resolve("workers");
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("cluster.json");
            Files.writeString(config, cluster.toTree().toPrettyString() + "\n");
            List<Process> started = new ArrayList<>();
            for (int k = 1; k <= count; k++) {
                List<String> command = javaCommand("worker", "--cluster-config", config.toString(), "--id",
                        "local-" + k, "--threads", Integer.toString(threads), "--backend", backend, "--parent-pid",
                        Long.toString(ProcessHandle.current().pid()));
                if (pluginsDir != null) {
                    command.addAll(List.of("--plugins-dir", pluginsDir.toString()));
                }
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("worker-" + k + ".log").toFile());
                if (System.getenv("OMP_NUM_THREADS") == null) {
                    int cores = Runtime.getRuntime().availableProcessors();
                    pb.environment().put("OMP_NUM_THREADS", Integer.toString(Math.max(1, cores / count)));
                }
                started.add(pb.start());
            }
            err.println("started " + count + " local worker" + (count == 1 ? "" : "s") + " in cluster '"
                    + cluster.name() + "' (logs: " + dir + ")");
            return new LocalWorkers(started, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start local workers in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The command line of a {@code metalearn} process with {@code args}, run with this JVM, its class path and its
     * options (without debugger or agent attachments, plus what Hazelcast needs).
     */
    public static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MetalearnCli.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib") && !option.startsWith("-javaagent") && !option.startsWith("-Xrunjdwp")
                    && !option.startsWith("-Xdebug")) {
                options.add(option);
            }
        }
        if (!options.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                && !options.contains("java.base/sun.nio.ch=ALL-UNNAMED")) {
            options.addAll(HAZELCAST_FLAGS);
        }
        return options;
    }

    /** Where the workers' logs are, or null when none were started. */
    Path logs() {
        return logs;
    }

    /** Asks the workers to leave the cluster and end; those still running after 20 s are killed. */
    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
