package org.metalearn4j.examples.cli;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.examples.dashboard.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metalearn dashboard}: serves the web dashboard over a runs directory until Ctrl-C. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serves a web page that lists the training and pipeline runs under a directory (learner, data "
                + "set, status, latest loss and accuracy) and shows each run's curves of loss, accuracy, learning "
                + "rate and time per step, its evaluations with 95%% confidence intervals, effective config and "
                + "provenance, or a pipeline's stages and their progress; two runs can be overlaid. Runs that are "
                + "training update live. Works offline; it only reads the runs directory.",
                "It listens on 127.0.0.1 only, unless --host says otherwise. Ctrl-C stops it."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn dashboard --runs runs --port 8080",
                "  ./metalearn train examples/configs/omniglot-protonet.yaml --dashboard"})
final class DashboardCommand implements Callable<Integer> {
    private final Console console;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Directory holding the run directories (default: runs).")
    Path runs;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default 8080).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = DashboardServer.DEFAULT_HOST,
            description = "Address to listen on (default 127.0.0.1: this machine only). Any other address lets "
                    + "everyone who can reach it read every run's config and metrics: there is no login.")
    String host;

    DashboardCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!DashboardServer.isLoopback(host)) {
            console.err().println("warning: the dashboard listens on " + host + ": anyone who can reach this machine "
                    + "on port " + port + " can read every run's config, metrics and provenance under " + runs
                    + " (there is no login); to look from another machine, keep the default 127.0.0.1 and use an "
                    + "SSH tunnel");
        }
        Vertx vertx = Vertx.vertx();
        DashboardServer server;
        try {
            server = DashboardServer.start(vertx, runs, host, port);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            vertx.close();
            stopped.countDown();
        }, "metalearn-dashboard-stop"));
        console.out().println(ConfigMappers.plain().createObjectNode().put("url", server.url(null))
                .put("runs", server.runsDir().toString()));
        console.err().println("dashboard of " + server.runsDir() + " at " + server.url(null) + " (Ctrl-C stops it)");
        stopped.await();
        return 0;
    }
}
