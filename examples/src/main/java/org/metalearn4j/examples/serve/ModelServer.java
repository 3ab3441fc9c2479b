package org.metalearn4j.examples.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.BindException;
import java.util.Arrays;
import java.util.Locale;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.model.FewShotModel;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.task.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained model served over HTTP on a Vert.x instance. {@code POST /predict} takes a support set and query examples
 * as JSON ({@link RequestParser} gives the shape) and answers the predictions; {@code GET /model} describes the model
 * (learner, input shape, preprocessing, provenance) and the limits; {@code GET /health} says it is up.
 *
 * <p>Every answer is JSON. A client error gets a 4xx with {@code {"error": ..., "field": ...}} naming the field and
 * what was expected; the server keeps serving. Bodies larger than {@link ServeLimits#maxBodyBytes()} are refused
 * while they arrive. Parsing, image decoding and prediction run on worker threads, several requests at once (a
 * {@link FewShotModel} is thread-safe), never on the event loop.
 */
public final class ModelServer implements AutoCloseable {
    /** The host it listens on unless told otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private final HttpServer server;
    private final String host;

    private ModelServer(HttpServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Serves {@code model}, read from {@code source}, on {@code host:port} (port 0: any free port).
     *
     * @throws IllegalStateException if the port is in use or the server cannot listen for another reason
     */
    public static ModelServer start(Vertx vertx, FewShotModel model, String source, ServeLimits limits, String host,
                                    int port) {
        RequestParser parser = new RequestParser(model.description(), limits);
        String info = info(model, source, limits).toString();
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> json(ctx, 200, "{\"status\":\"ok\"}"));
        router.get("/model").handler(ctx -> json(ctx, 200, info));
        router.post("/predict").handler(BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes()))
                .handler(ModelServer::requireJson)
                .handler(ctx -> predict(ctx, parser, model));
        router.errorHandler(404, ctx -> error(ctx, 404, "path", "no such resource: " + ctx.request().path()
                + "; this server answers POST /predict, GET /model and GET /health"));
        router.errorHandler(405, ctx -> error(ctx, 405, "method", ctx.request().method() + " is not allowed on "
                + ctx.request().path() + "; this server answers POST /predict, GET /model and GET /health"));
        router.errorHandler(413, ctx -> error(ctx, 413, "body", "larger than " + limits.maxBodyBytes()
                + " bytes, the most this server accepts (--max-body)"));
        router.errorHandler(500, ctx -> {
            LOG.error("serve: request to {} failed", ctx.request().path(), ctx.failure());
            error(ctx, 500, "server", "internal error; the server's log says more");
        });
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(router).listen().await();
            return new ModelServer(server, host);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = String.valueOf(cause.getMessage());
            boolean inUse = cause instanceof BindException || message.contains("Address already in use");
            throw new IllegalStateException("cannot serve on " + host + ":" + port + ": "
                    + (inUse ? "the port is in use; choose another with --port" : message), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.actualPort();
    }

    /** The server's address, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Stops listening; the Vert.x instance stays open. */
    @Override
    public void close() {
        server.close().await();
    }

    private static ObjectNode info(FewShotModel model, String source, ServeLimits limits) {
        ModelDescription d = model.description();
        ObjectNode info = JSON.createObjectNode().put("file", source);
        info.set("model", JSON.valueToTree(d));
        info.set("provenance", JSON.valueToTree(model.provenance()));
        info.set("limits", JSON.valueToTree(limits));
        info.put("request", "POST /predict with {\"support\": [...], \"query\": [...]}; each example "
                + (d.image() == null ? "" : "{\"image\": BASE64 PNG or JPEG} or ")
                + "{\"values\": [" + d.exampleSize() + " numbers, shape " + Arrays.toString(d.inputShape()) + "]}, "
                + "support examples also with " + (d.type() == TaskType.REGRESSION
                ? "\"target\": [" + d.outputs() + " numbers]" : "\"label\": \"NAME\""));
        return info;
    }

    private static void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            // also keeps web pages from posting here: a cross-origin JSON request needs CORS, which is not answered
            error(ctx, BadRequest.UNSUPPORTED_TYPE, "Content-Type", "expected application/json, got "
                    + (type == null ? "none" : "'" + type + "'"));
            return;
        }
        ctx.next();
    }

    private static void predict(RoutingContext ctx, RequestParser parser, FewShotModel model) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        ctx.vertx().executeBlocking(() -> parser.parse(body).answer(model).toString(), false).onComplete(done -> {
            if (done.succeeded()) {
                json(ctx, 200, done.result());
            } else if (done.cause() instanceof BadRequest bad) {
                error(ctx, bad.status(), bad.field(), bad.reason());
            } else if (done.cause() instanceof IllegalArgumentException invalid) {
                // the model's own checks of a request that passed the parser's: still the client's input
                error(ctx, BadRequest.INVALID, "body", invalid.getMessage());
            } else {
                ctx.fail(done.cause());
            }
        });
    }

    private static void error(RoutingContext ctx, int status, String field, String message) {
        json(ctx, status, JSON.createObjectNode().put("error", message).put("field", field).toString());
    }

    private static void json(RoutingContext ctx, int status, String body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
        }
    }
}
