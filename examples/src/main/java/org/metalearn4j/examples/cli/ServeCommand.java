package org.metalearn4j.examples.cli;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.model.FewShotModel;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.examples.dashboard.DashboardServer;
import org.metalearn4j.examples.serve.ModelServer;
import org.metalearn4j.examples.serve.ServeLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metalearn serve}: a trained model as an HTTP service until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a trained model over HTTP. POST /predict takes a JSON object {\"support\": [...], "
                + "\"query\": [...]}: each example is {\"image\": BASE64} (a PNG or JPEG, prepared as the training "
                + "images were) or {\"values\": [numbers]}, each support example also has \"label\" (classification) "
                + "or \"target\" (regression). It answers the predicted label with every label's probability, or the "
                + "predicted mean. GET /model describes the model and its provenance, GET /health says it is up.",
                "It listens on 127.0.0.1 only, unless --host says otherwise. A bad request gets a 4xx and a JSON "
                + "message naming the field. Prints one JSON line with the address when ready; Ctrl-C stops it. "
                + "README's 'Serve over HTTP' shows a request with curl."},
        footerHeading = "%nExample:%n",
        footer = {"  ./metalearn serve runs/proto --port 8081",
                "  ./metalearn serve runs/proto --max-support 2000 --max-body 33554432"})
final class ServeCommand implements Callable<Integer> {
    private final Console console;

    @Parameters(paramLabel = "MODEL",
            description = "A run directory (its newest good checkpoint) or a checkpoint file.")
    Path model;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8081", description = "Port (default 8081).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ModelServer.DEFAULT_HOST,
            description = "Address to listen on (default 127.0.0.1: this machine only). Any other address lets "
                    + "everyone who can reach it use the model: there is no login.")
    String host;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServeLimits.MAX_BODY_BYTES,
            description = "Largest request body in bytes (default ${DEFAULT-VALUE}, 8 MiB); larger ones get 413.")
    long maxBody;

    @Option(names = "--max-support", paramLabel = "N", defaultValue = "" + ServeLimits.MAX_SUPPORT,
            description = "Most support examples in one request (default ${DEFAULT-VALUE}).")
    int maxSupport;

    @Option(names = "--max-query", paramLabel = "N", defaultValue = "" + ServeLimits.MAX_QUERY,
            description = "Most query examples in one request (default ${DEFAULT-VALUE}).")
    int maxQuery;

    @Option(names = "--max-image-pixels", paramLabel = "N", defaultValue = "" + ServeLimits.MAX_IMAGE_PIXELS,
            description = "Most pixels of one image, checked before decoding it (default ${DEFAULT-VALUE}, "
                    + "4096x4096).")
    long maxImagePixels;

    @Mixin
    PluginsDirOption plugins;

    ServeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServeLimits limits = new ServeLimits(maxBody, maxSupport, maxQuery, maxImagePixels);
        if (!DashboardServer.isLoopback(host)) {
            console.err().println("warning: serving on " + host + ": anyone who can reach this machine on port "
                    + port + " can use the model (there is no login); to use it from another machine, keep the "
                    + "default 127.0.0.1 and use an SSH tunnel");
        }
        ModelFile file = ModelFile.read(model);
        String pluginsDir = ConfigLoader.fromJson(file.checkpoint().configJson(), file.file().toString())
                .pluginsDir();
        Session session = Session.open(plugins.orElse(pluginsDir), console.err());
        Vertx vertx = Vertx.vertx();
        FewShotModel loaded;
        ModelServer server;
        try {
            loaded = FewShotModel.load(file.file(), session.registry());
            server = ModelServer.start(vertx, loaded, file.file().toString(), limits, host, port);
        } catch (RuntimeException e) {
            RuntimeException explained = session.explain(e);
            vertx.close();
            session.close();
            throw explained;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            vertx.close().await();
            session.close();
            stopped.countDown();
        }, "metalearn-serve-stop"));
        ModelDescription d = loaded.description();
        console.out().println(ConfigMappers.plain().createObjectNode().put("url", server.url())
                .put("model", file.file().toString()));
        console.err().println("serving " + file.file() + " (" + d.learner() + ", "
                + d.type().name().toLowerCase(Locale.ROOT)
                + ", input " + Arrays.toString(d.inputShape()) + ") at " + server.url() + ": POST /predict, "
                + "GET /model, GET /health (Ctrl-C stops it)");
        stopped.await();
        return 0;
    }
}
