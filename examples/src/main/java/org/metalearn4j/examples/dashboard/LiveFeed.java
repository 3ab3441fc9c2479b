package org.metalearn4j.examples.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * The server-sent event stream {@code /api/events}: every browser connected gets every run's new lines as
 * {@code event: metrics} (a training run) or {@code event: pipeline} messages whose data is
 * {@code {"run": ID, "seq": N, "line": {...}}}, numbered per run so that a page can tell what its snapshot already
 * holds and notice a gap; {@code event: restart} says a run's file was replaced. Only this server writes to the
 * stream: nothing a browser sends reaches the event bus.
 */
final class LiveFeed implements AutoCloseable {
    private static final long KEEP_ALIVE_MS = 15_000;

    private final Vertx vertx;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final long keepAlive;

    private record Client(HttpServerResponse response, Context context) {
        void send(String message) {
            context.runOnContext(v -> {
                // A browser that stops reading loses messages rather than filling this process's memory; the gap
                // in seq makes its page reload the run.
                if (!response.ended() && !response.closed() && !response.writeQueueFull()) {
                    response.write(message);
                }
            });
        }
    }

    LiveFeed(Vertx vertx) {
        this.vertx = vertx;
        this.keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, id -> broadcast(": keep-alive\n\n"));
    }

    /** Answers an {@code /api/events} request by keeping its response open as an event stream. */
    void attach(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        Client client = new Client(response, vertx.getOrCreateContext());
        response.closeHandler(v -> clients.remove(client));
        clients.add(client);
        response.write("retry: 2000\n: connected\n\n");
    }

    /** Sends one update's lines to every browser. */
    void publish(RunCatalog.Update update) {
        if (update.restarted()) {
            broadcast(message("restart", update.id(), update.seq() - update.lines().size(), null));
        }
        int seq = update.seq() - update.lines().size();
        for (ObjectNode line : update.lines()) {
            seq++;
            broadcast(message(update.pipeline() ? "pipeline" : "metrics", update.id(), seq, line));
        }
    }

    private static String message(String event, String run, int seq, ObjectNode line) {
        ObjectNode data = ConfigMappers.plain().createObjectNode().put("run", run).put("seq", seq);
        if (line != null) {
            data.set("line", line);
        }
        // A JSON object printed by Jackson is one line, as a data: field requires.
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    private void broadcast(String message) {
        clients.forEach(c -> c.send(message));
    }

    /** Ends every stream. */
    @Override
    public void close() {
        vertx.cancelTimer(keepAlive);
        clients.forEach(c -> c.context().runOnContext(v -> {
            if (!c.response().ended() && !c.response().closed()) {
                c.response().end();
            }
        }));
        clients.clear();
    }
}
