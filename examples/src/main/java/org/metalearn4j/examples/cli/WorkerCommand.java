package org.metalearn4j.examples.cli;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.metalearn4j.cluster.ClusterConfig;
import org.metalearn4j.cluster.ClusterModule;
import org.metalearn4j.cluster.ClusterVertxFactory;
import org.metalearn4j.cluster.Speed;
import org.metalearn4j.cluster.Worker;
import org.metalearn4j.cluster.WorkerSettings;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.plugin.BackendSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metalearn worker}: joins a cluster and computes the tasks coordinators send until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Joins a cluster as a worker: announces its backend, device and speed, and computes the tasks "
                + "of any run a coordinator (metalearn train with a cluster) sends, for every learner installed here, "
                + "plugins included. Runs until Ctrl-C, leaving the cluster cleanly.",
                "Without --cluster-config it joins the default cluster on 127.0.0.1 only."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn worker --threads 2",
                "  ./metalearn worker --backend cuda --cluster-config cluster.yaml \\",
                "      --plugins-dir plugins"})
final class WorkerCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "auto",
            description = "ND4J backend of this worker: cpu, cuda or auto (the best available). Default: auto.")
    String backend;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Tasks computed at once; with more than one, each runs its native ops on one thread. "
                    + "Default: 1.")
    int threads;

    @Option(names = "--id", paramLabel = "NAME",
            description = "This worker's name in messages and metalearn cluster status (default: w- and 6 random "
                    + "hex digits).")
    String id;

    @Option(names = "--task-delay-ms", paramLabel = "MS", defaultValue = "0",
            description = "Adds a pause to every task, to simulate slower workers in scaling benchmarks. Default: 0.")
    long taskDelayMillis;

    @Option(names = "--parent-pid", paramLabel = "PID", hidden = true,
            description = "Leave the cluster and end when process PID ends (workers started by --local-workers).")
    Long parentPid;

    @Mixin
    ClusterConfigOption clusterConfig;

    @Mixin
    PluginsDirOption plugins;

    WorkerCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1 || taskDelayMillis < 0) {
            throw new org.metalearn4j.core.spi.ConfigException(threads < 1 ? "threads" : "task-delay-ms",
                    "expected at least " + (threads < 1 ? "1, got " + threads : "0, got " + taskDelayMillis));
        }
        ClusterConfig cluster = clusterConfig.orElse(ClusterConfig.defaults());
        ClusterVertxFactory factory = new ClusterVertxFactory(cluster, false);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch left = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                // the JVM is exiting: leave the cluster first, so that coordinators re-send this worker's tasks
                left.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "metalearn-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (parentPid != null) {
            ProcessHandle.of(parentPid).ifPresentOrElse(p -> p.onExit().thenRun(stop::countDown), stop::countDown);
        }
        try (Session session = Session.open(plugins.dir, console.err(), new ClusterModule(factory))) {
            Backend selected = BackendSelector.select(session.registry(), backend);
            selected.activate();
            double speed = Speed.measure();
            String name = id != null ? id : "w-" + UUID.randomUUID().toString().substring(0, 6);
            WorkerSettings settings = WorkerSettings.of(name, selected.name(), selected.device(), threads, speed)
                    .withTaskDelay(Duration.ofMillis(taskDelayMillis));
            Vertx vertx = session.get(Vertx.class);
            Worker worker = Worker.start(vertx, factory.membership(), session.registry(), settings, cluster.host(),
                    (long) (cluster.taskTimeoutSeconds() * 1000));
            console.err().printf("worker %s joined cluster '%s' on %s: backend %s (%s), %d task thread(s), %.1f "
                            + "GFLOP/s; waiting for tasks (Ctrl-C to leave)%n", name, cluster.name(), cluster.host(),
                    selected.name(), selected.device(), threads, speed);
            stop.await();
            worker.close();
            console.err().printf("worker %s left cluster '%s' after %d tasks%n", name, cluster.name(),
                    worker.tasksDone());
        } finally {
            left.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        }
        return 0;
    }
}
