package org.metalearn4j.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.metalearn4j.cluster.ClusterConfig;
import org.metalearn4j.cluster.ClusterModule;
import org.metalearn4j.cluster.ClusterVertxFactory;
import org.metalearn4j.cluster.RollCalls;
import org.metalearn4j.cluster.wire.MemberInfo;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.spi.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metalearn cluster status}: who is in the cluster, on which backend, and what they have done. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Joins the cluster briefly (holding none of its data), asks every member who it is and prints "
                + "coordinators and workers: backend, device, task threads, speed, tasks done, tasks per second of "
                + "computing, and the run they work on. Exit code 1 when nobody answered."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn cluster status", "  ./metalearn cluster status --cluster-config cluster.yaml --json"})
final class ClusterStatusCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "3",
            description = "How long to collect answers after asking. Default: 3.")
    double waitSeconds;

    @Option(names = "--json", description = "One JSON object per member instead of a table.")
    boolean json;

    @Mixin
    ClusterConfigOption clusterConfig;

    ClusterStatusCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (!(waitSeconds > 0)) {
            throw new ConfigException("wait", "expected a positive number of seconds, got " + waitSeconds);
        }
        ClusterConfig cluster = clusterConfig.orElse(ClusterConfig.defaults());
        List<MemberInfo> members;
        try (Session session = Session.open(null, console.err(),
                new ClusterModule(new ClusterVertxFactory(cluster, true)))) {
            members = RollCalls.collect(session.get(Vertx.class), Duration.ofMillis((long) (waitSeconds * 1000)));
        }
        if (members.isEmpty()) {
            console.err().printf("no member of cluster '%s' answered within %s s%n", cluster.name(), waitSeconds);
            return MetalearnCli.FAILURE;
        }
        if (json) {
            for (MemberInfo m : members) {
                console.out().println(ConfigMappers.plain().writeValueAsString(m));
            }
            return 0;
        }
        String format = "%-12s %-12s %-15s %-8s %7s %8s %7s %8s %-9s %s%n";
        console.out().printf(format, "ROLE", "ID", "HOST", "BACKEND", "THREADS", "GFLOP/S", "TASKS", "TASKS/S", "RUN",
                "DEVICE");
        for (MemberInfo m : members) {
            boolean worker = m.role().equals(MemberInfo.WORKER);
            console.out().printf(format, m.role(), m.id(), m.host(), worker ? m.backend() : "-",
                    worker ? Integer.toString(m.threads()) : "-", worker ? String.format("%.1f", m.speed()) : "-",
                    m.tasksDone(), String.format("%.2f", m.tasksPerSecond()), m.run().isEmpty() ? "-" : m.run(),
                    worker ? m.device() : "");
        }
        return 0;
    }
}
