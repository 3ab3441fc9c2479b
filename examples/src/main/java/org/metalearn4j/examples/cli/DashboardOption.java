package org.metalearn4j.examples.cli;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.metalearn4j.core.event.TypedEventBus;
import org.metalearn4j.examples.dashboard.DashboardServer;
import picocli.CommandLine.Option;

/**
 * {@code --dashboard[=PORT]} of the commands that run long ({@code train}, {@code pipeline}), shared as a picocli
 * mixin: serves the dashboard from the running process, on 127.0.0.1, over the directory that holds the run
 * directory, for as long as the command runs.
 */
final class DashboardOption {
    @Option(names = "--dashboard", arity = "0..1", paramLabel = "PORT", fallbackValue = "8080",
            description = "Serve the live dashboard at http://127.0.0.1:PORT (default 8080) while this runs. It shows "
                    + "this run as it goes and the other runs beside it; it stops when the command ends "
                    + "(metalearn dashboard keeps one open).")
    Integer port;

    /** A dashboard served while a command runs; closing it stops it. */
    static final class Served implements AutoCloseable {
        private static final Served NONE = new Served(null, null);
        private final DashboardServer server;
        private final DashboardServer.Followed followed;

        private Served(DashboardServer server, DashboardServer.Followed followed) {
            this.server = server;
            this.followed = followed;
        }

        @Override
        public void close() {
            if (followed != null) {
                // The last events (the evaluation, 'finished') reach the page before the server goes.
                followed.subscription().drain(Duration.ofSeconds(5));
                followed.subscription().close();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * Starts the dashboard if {@code --dashboard} was given. It must start before the run publishes its first event.
     *
     * @param training whether {@code runDir} is a training run, whose events the page then gets from the event bus;
     *                 a pipeline's come through its journal file
     */
    Served start(Session session, Path runDir, boolean training, PrintStream err) {
        if (port == null) {
            return Served.NONE;
        }
        Path runsDir = runDir.toAbsolutePath().normalize().getParent();
        boolean created = !Files.exists(runsDir);
        try {
            Files.createDirectories(runsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runsDir + " for the dashboard: " + e.getMessage(), e);
        }
        DashboardServer server;
        try {
            server = DashboardServer.start(session.get(Vertx.class), runsDir, DashboardServer.DEFAULT_HOST, port);
        } catch (RuntimeException e) {
            if (created) {
                deleteQuietly(runsDir);
            }
            throw e;
        }
        DashboardServer.Followed followed = null;
        try {
            if (training) {
                followed = server.follow(session.get(TypedEventBus.class), runDir);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        String id = runDir.toAbsolutePath().normalize().getFileName().toString();
        err.println("dashboard: " + server.url(id) + " (while this runs; metalearn dashboard --runs " + runsDir
                + " keeps one open)");
        return new Served(server, followed);
    }

    /** Removes the empty directory made for a dashboard that did not start, so a failed command leaves nothing. */
    private static void deleteQuietly(Path emptyDir) {
        try {
            Files.deleteIfExists(emptyDir);
        } catch (IOException e) {
            // Not empty after all, or not ours to remove: leave it.
        }
    }
}
