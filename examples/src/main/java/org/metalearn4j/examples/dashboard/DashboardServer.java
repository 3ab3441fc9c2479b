package org.metalearn4j.examples.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.metalearn4j.core.event.EventSubscription;
import org.metalearn4j.core.event.EventType;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.event.TypedEventBus;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.examples.runs.EventLine;
import org.metalearn4j.examples.runs.JsonLinesReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's web server on a Vert.x instance: the page and its scripts, uPlot from its WebJar under
 * {@code /webjars}, the JSON API ({@link RunsApi}) and the live feed ({@link LiveFeed}). Every half second it reads
 * what the run files under the runs directory gained and sends it to the browsers.
 *
 * <p>What it guards: it answers GET only; it serves nothing but its own page, the WebJar and what {@link RunsRoot}
 * accepts; bound to a loopback address it answers only requests addressed to a loopback name, so a web page elsewhere
 * cannot reach it by pointing its own host name at 127.0.0.1; and its pages may not be framed or load anything from
 * another origin.
 */
public final class DashboardServer implements AutoCloseable {
    /** The host it listens on unless told otherwise. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final String WEB = "org/metalearn4j/examples/dashboard/web";
    private static final long REFRESH_MS = 500;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    private final RunCatalog catalog;
    private final LiveFeed feed;
    private final HttpServer server;
    private final String host;
    private final ScheduledExecutorService refresher;

    private DashboardServer(RunCatalog catalog, LiveFeed feed, HttpServer server, String host) {
        this.catalog = catalog;
        this.feed = feed;
        this.server = server;
        this.host = host;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metalearn-dashboard-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Serves the runs under {@code runsDir} on {@code host:port} (port 0: any free port).
     *
     * @throws ConfigException       if the runs directory does not exist or is not a directory, or the host is unknown
     * @throws IllegalStateException if the port is in use or the server cannot listen for another reason
     */
    public static DashboardServer start(Vertx vertx, Path runsDir, String host, int port) {
        RunCatalog catalog = new RunCatalog(RunsRoot.open(runsDir));
        boolean loopbackOnly = isLoopback(host);
        LiveFeed feed = new LiveFeed(vertx);
        RunsApi api = new RunsApi(catalog);
        Router router = Router.router(vertx);
        router.route().handler(ctx -> guard(ctx, loopbackOnly));
        router.get("/api/runs").blockingHandler(api::runs, false);
        router.get("/api/run").blockingHandler(api::run, false);
        router.get("/api/events").handler(feed::attach);
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        router.get("/*").handler(StaticHandler.create(WEB).setIndexPage("index.html"));
        HttpServer server;
        try {
            server = await(vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(router).listen());
        } catch (RuntimeException e) {
            feed.close();
            throw listenFailure(host, port, e);
        }
        return new DashboardServer(catalog, feed, server, host);
    }

    /** The port it listens on. */
    public int port() {
        return server.actualPort();
    }

    /** The page's address, showing run {@code id} if not null. */
    public String url(String id) {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/"
                + (id == null ? "" : "?run=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    /** The runs directory it shows, as a real path. */
    public Path runsDir() {
        return catalog.root().path();
    }

    /**
     * Shows the training run this process trains in {@code runDir} (inside the runs directory) from the event bus:
     * each training event goes to the browsers as it is published, as the same line {@code metrics.jsonl} gets. Close
     * the subscription when training ends.
     *
     * @return the subscription, and the run's id for {@link #url}
     */
    public Followed follow(TypedEventBus events, Path runDir) {
        Path dir = runsDir().resolve(runDir.getFileName().toString());
        String id = catalog.follow(dir);
        TypedEventBus.Subscriber subscriber = events.subscriber(DashboardServer.class.getName());
        for (EventType<?> type : TrainingEventBus.TYPES) {
            route(subscriber, type, id);
        }
        return new Followed(id, subscriber.subscribe());
    }

    /** A followed run: its id and its event-bus subscription. */
    public record Followed(String id, EventSubscription subscription) {
    }

    private <T extends Record> void route(TypedEventBus.Subscriber subscriber, EventType<T> type, String id) {
        subscriber.on(type.type(), e -> feed.publish(catalog.append(id, new JsonLinesReader.Line(EventLine.of(type, e),
                e))));
    }

    private void refresh() {
        try {
            catalog.refresh().forEach(feed::publish);
        } catch (RuntimeException e) {
            // One bad directory must not stop the page from updating the others.
            LOG.warn("dashboard: reading the runs failed: {}", e.toString(), e);
        }
    }

    /** Stops reading runs, ends the event streams and closes the server; the Vert.x instance stays open. */
    @Override
    public void close() {
        refresher.shutdownNow();
        feed.close();
        try {
            await(server.close());
        } catch (RuntimeException e) {
            LOG.warn("dashboard: closing the server failed: {}", e.toString());
        }
    }

    /** Whether {@code host} is a loopback address, so that only this machine can connect. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException("host", "unknown host '" + host + "'; give an address of this machine, e.g. "
                    + DEFAULT_HOST);
        }
    }

    private static void guard(RoutingContext ctx, boolean loopbackOnly) {
        var response = ctx.response();
        if (ctx.request().method() != HttpMethod.GET) {
            response.setStatusCode(405).putHeader("Allow", "GET")
                    .end("the dashboard only reads: " + ctx.request().method() + " is not allowed\n");
            return;
        }
        if (loopbackOnly && !loopbackName(ctx.request().authority() == null ? null
                : ctx.request().authority().host())) {
            response.setStatusCode(403).end("this dashboard answers requests for localhost or 127.0.0.1 only\n");
            return;
        }
        response.putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; frame-ancestors 'none'; form-action 'none'");
        ctx.next();
    }

    private static boolean loopbackName(String host) {
        return host != null && LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT));
    }

    private static IllegalStateException listenFailure(String host, int port, RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof BindException || message.contains("Address already in use")) {
            return new IllegalStateException("cannot serve the dashboard on " + host + ":" + port + ": the port is in "
                    + "use (another dashboard?); choose another with --port", cause);
        }
        return new IllegalStateException("cannot serve the dashboard on " + host + ":" + port + ": " + message, cause);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + START_TIMEOUT.toSeconds() + " s", e);
        }
    }
}
