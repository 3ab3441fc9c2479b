package org.metalearn4j.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.model.FewShotClassifier;
import org.metalearn4j.core.model.FewShotModel;
import org.metalearn4j.core.model.FewShotRegressor;
import org.metalearn4j.core.model.Prediction;
import org.metalearn4j.examples.ReadmeBlocks;
import org.metalearn4j.examples.StrokeDrawings;
import org.metalearn4j.examples.cli.MetalearnCli;

/**
 * {@code metalearn serve}'s HTTP side with a real HTTP client, over models trained as {@code LibraryUseTest}'s are:
 * its predictions are the library's, every kind of bad request gets its 4xx and a message naming the field, the
 * limits hold, and the server keeps answering.
 */
class ModelServerTest {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final Path CONFIGS = Path.of("configs");
    /** Small limits, so that the tests reach them cheaply. */
    private static final ServeLimits LIMITS = new ServeLimits(64 * 1024, 20, 10, 100 * 100);

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static FewShotModel proto;
    private static FewShotModel sinusoid;
    private static ModelServer protoServer;
    private static ModelServer sinusoidServer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        Path protoRun = train("proto", "omniglot-protonet.yaml", "--set", "learner.params.backbone.channels=8",
                "--set", "train.way=5", "--set", "train.shot=1", "--set", "train.query=2");
        // a neural process, so that answers carry a standard deviation beside the mean
        Path sinusoidRun = train("sinusoid", "sinusoid-cnp.yaml", "--set", "train.metaBatch=2");
        proto = FewShotModel.load(protoRun);
        sinusoid = FewShotModel.load(sinusoidRun);
        vertx = Vertx.vertx();
        protoServer = ModelServer.start(vertx, proto, protoRun.toString(), LIMITS, ModelServer.DEFAULT_HOST, 0);
        sinusoidServer = ModelServer.start(vertx, sinusoid, sinusoidRun.toString(), LIMITS, ModelServer.DEFAULT_HOST,
                0);
    }

    private static Path train(String name, String config, String... settings) {
        Path run = dir.resolve("runs").resolve(name);
        List<String> args = new ArrayList<>(List.of("train", CONFIGS.resolve(config).toString(), "--out",
                run.toString(), "--no-progress", "--set", "train.iterations=3", "--set", "eval.episodes=2"));
        args.addAll(List.of(settings));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MetalearnCli.run(new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), args.toArray(String[]::new));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return run;
    }

    @AfterAll
    static void stop() {
        if (protoServer != null) {
            protoServer.close();
        }
        if (sinusoidServer != null) {
            sinusoidServer.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
    }

    @Test
    void classificationAnswersAreTheLibrarysPredictions() throws Exception {
        Map<String, List<byte[]>> support = new LinkedHashMap<>();
        for (String label : List.of("alpha", "beta", "gamma")) {
            support.put(label, List.of(png(label.hashCode(), 1), png(label.hashCode(), 2)));
        }
        List<byte[]> query = List.of(png("beta".hashCode(), 3), jpeg("alpha".hashCode(), 4),
                png("gamma".hashCode(), 5));
        float[] values = new float[784];
        Random ink = new Random(6);
        for (int i = 0; i < values.length; i++) {
            values[i] = ink.nextInt(2);
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode s = body.putArray("support");
        support.forEach((label, images) -> images.forEach(image -> s.addObject().put("label", label)
                .put("image", Base64.getEncoder().encodeToString(image))));
        ArrayNode q = body.putArray("query");
        query.forEach(image -> q.addObject().put("image", Base64.getEncoder().encodeToString(image)));
        ArrayNode v = q.addObject().putArray("values");
        for (float x : values) {
            v.add(x);
        }

        HttpResponse<String> response = post(protoServer, "/predict", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode answer = JSON.readTree(response.body());

        Map<String, List<BufferedImage>> images = new LinkedHashMap<>();
        support.forEach((label, files) -> images.put(label, files.stream().map(ModelServerTest::decode).toList()));
        FewShotClassifier classifier = proto.adaptToImages(images);
        // one batch, as the server predicts them: a batch of another size may differ in the last float bits
        List<float[]> batch = new ArrayList<>(query.stream().map(b -> proto.description().image().values(decode(b)))
                .toList());
        batch.add(values);
        List<Prediction> expected = classifier.predictArrays(batch);

        assertThat(answer.get("labels").toString()).isEqualTo("[\"alpha\",\"beta\",\"gamma\"]");
        assertThat(answer.get("predictions")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode p = answer.get("predictions").get(i);
            assertThat(p.get("label").asText()).isEqualTo(expected.get(i).label());
            assertThat(p.get("probability").asDouble()).isCloseTo(expected.get(i).probability(), within(1e-12));
            for (String label : support.keySet()) {
                assertThat(p.at("/probabilities/" + label).asDouble())
                        .isCloseTo(expected.get(i).probabilities().get(label), within(1e-12));
            }
        }

        // several at once, on the worker threads: each the same answer
        List<CompletableFuture<HttpResponse<String>>> parallel = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            parallel.add(http.sendAsync(request(protoServer, "/predict", body.toString(), "application/json"),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : parallel) {
            assertThat(JSON.readTree(f.get().body())).isEqualTo(answer);
        }
    }

    @Test
    void regressionAnswersAreTheLibrarysMeansAndStandardDeviations() throws Exception {
        double[][] x = {{-2.0}, {-1.0}, {0.5}, {1.5}, {3.0}};
        double[][] y = {{0.3}, {-0.8}, {1.1}, {0.9}, {-0.2}};
        double[][] query = {{0.0}, {2.0}};
        ObjectNode body = JSON.createObjectNode();
        ArrayNode s = body.putArray("support");
        for (int i = 0; i < x.length; i++) {
            ObjectNode item = s.addObject();
            item.putArray("values").add(x[i][0]);
            if (i % 2 == 0) {
                item.put("target", y[i][0]);
            } else {
                item.putArray("target").add(y[i][0]);
            }
        }
        ArrayNode q = body.putArray("query");
        for (double[] point : query) {
            q.addObject().putArray("values").add(point[0]);
        }
        HttpResponse<String> response = post(sinusoidServer, "/predict", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        FewShotRegressor regressor = sinusoid.adaptToPoints(x, y);
        double[][] expected = regressor.predict(query);
        double[][] std = regressor.std(query);
        JsonNode predictions = JSON.readTree(response.body()).get("predictions");
        assertThat(predictions).hasSize(2);
        for (int i = 0; i < expected.length; i++) {
            assertThat(predictions.get(i).at("/mean/0").asDouble()).isCloseTo(expected[i][0], within(1e-6));
            assertThat(predictions.get(i).at("/std/0").asDouble()).isCloseTo(std[i][0], within(1e-6)).isPositive();
        }
    }

    @Test
    void badRequestsGetTheirStatusAndNameTheField() throws Exception {
        String ok = "{\"label\": \"a\", \"values\": " + zeros(784) + "}";
        String okB = "{\"label\": \"b\", \"values\": " + zeros(784) + "}";
        String query = "[{\"values\": " + zeros(784) + "}]";
        String bigPng = Base64.getEncoder().encodeToString(blank(101, 100));
        List<BadCase> cases = List.of(
                new BadCase("{\"support\": [", 400, "body", "not valid JSON"),
                new BadCase("", 400, "body", "empty"),
                new BadCase("[1, 2]", 400, "body", "expected a JSON object"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "]}", 400, "query", "missing"),
                new BadCase("{\"support\": {}, \"query\": " + query + "}", 400, "support", "expected an array"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "], \"query\": " + query + ", \"querry\": 1}",
                        400, "body.querry", "unknown field"),
                new BadCase("{\"support\": [{\"values\": " + zeros(784) + "}, " + okB + "], \"query\": " + query
                        + "}", 400, "support[0].label", "missing"),
                new BadCase("{\"support\": [" + ok + ", {\"label\": 7, \"values\": " + zeros(784) + "}], \"query\": "
                        + query + "}", 400, "support[1].label", "expected a non-empty string"),
                new BadCase("{\"support\": [" + ok + ", " + ok + "], \"query\": " + query + "}", 400, "support",
                        "at least two labels"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "], \"query\": [{\"values\": [1, 2, 3]}]}", 400,
                        "query[0].values", "expected 784 numbers (input shape [1, 28, 28], row-major), got 3"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "], \"query\": [{\"values\": [0, \"x\""
                        + zeros(782).replace("[", ",") + "}]}", 400, "query[0].values[1]", "expected a number"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "], \"query\": [{}]}", 400, "query[0]",
                        "has neither 'image'"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "], \"query\": [{\"image\": \"aGVsbG8=\"}]}", 400,
                        "query[0].image", "not an image"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "], \"query\": [{\"image\": 5}]}", 400,
                        "query[0].image", "expected a base64 PNG or JPEG as a string"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "], \"query\": [{\"image\": \"" + bigPng + "\"}]}",
                        413, "query[0].image", "10100 pixels, at most 10000"),
                new BadCase("{\"support\": [" + String.join(",", java.util.Collections.nCopies(21, "{}")) + "],"
                        + " \"query\": " + query + "}", 413, "support", "21 examples, at most 20 are accepted"
                        + " (--max-support)"),
                new BadCase("{\"support\": [" + ok + ", " + okB + "], \"query\": [" + String.join(",",
                        java.util.Collections.nCopies(11, "{}")) + "]}", 413, "query", "(--max-query)"));
        for (BadCase c : cases) {
            assertBad(post(protoServer, "/predict", c.body()), c);
        }
        String point = "{\"values\": [0.5], \"target\": 1.0}";
        List<BadCase> regression = List.of(
                new BadCase("{\"support\": [{\"label\": \"a\", \"values\": [0.5]}], \"query\": [{\"values\": [1]}]}",
                        400, "support[0].label", "regression model: give 'target'"),
                new BadCase("{\"support\": [{\"values\": [0.5]}], \"query\": [{\"values\": [1]}]}", 400,
                        "support[0].target", "missing"),
                new BadCase("{\"support\": [{\"values\": [0.5], \"target\": [1, 2]}], \"query\": [{\"values\":"
                        + " [1]}]}", 400, "support[0].target", "a number or an array of 1 number"),
                new BadCase("{\"support\": [" + point + "], \"query\": [{\"image\": \"" + bigPng + "\"}]}", 400,
                        "query[0].image", "not images (data set 'sinusoid'"));
        for (BadCase c : regression) {
            assertBad(post(sinusoidServer, "/predict", c.body()), c);
        }
        assertBad(send(request(protoServer, "/predict", "{}", "text/plain")),
                new BadCase("", 415, "Content-Type", "expected application/json, got 'text/plain'"));
        assertBad(send(HttpRequest.newBuilder(URI.create(protoServer.url() + "/predict")).GET().build()),
                new BadCase("", 405, "method", "GET is not allowed on /predict"));
        assertBad(send(HttpRequest.newBuilder(URI.create(protoServer.url() + "/nothing")).GET().build()),
                new BadCase("", 404, "path", "no such resource: /nothing"));
        assertThat(get(protoServer, "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndTheServerGoesOn() throws Exception {
        String big = "{\"support\": [], \"query\": [], \"padding\": \"" + "x".repeat(100 * 1024) + "\"}";
        assertBad(post(protoServer, "/predict", big), new BadCase("", 413, "body", "larger than 65536 bytes, the most"
                + " this server accepts (--max-body)"));
        HttpResponse<String> health = get(protoServer, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void itListensOnLoopbackByDefaultAndDescribesTheModel() throws Exception {
        assertThat(ModelServer.DEFAULT_HOST).isEqualTo("127.0.0.1");
        assertThat(protoServer.url()).startsWith("http://127.0.0.1:");
        HttpResponse<String> response = get(protoServer, "/model");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode model = JSON.readTree(response.body());
        assertThat(model.at("/model/learner").asText()).isEqualTo("protonet");
        assertThat(model.at("/model/inputShape").toString()).isEqualTo("[1,28,28]");
        assertThat(model.at("/model/image/ink").asText()).isEqualTo("DARK");
        assertThat(model.at("/provenance/seed").asLong()).isEqualTo(proto.provenance().seed());
        assertThat(model.at("/limits/maxSupport").asInt()).isEqualTo(20);
        assertThat(model.get("request").asText()).contains("\"label\"").contains("784 numbers");
    }

    @Test
    void readmeCurlExampleIsAccepted() throws Exception {
        String commands = ReadmeBlocks.firstUnder("### Serve over HTTP", "bash");
        String readme = ReadmeBlocks.text();
        Matcher serve = Pattern.compile("(?m)^\\./metalearn serve \\S+ --port (\\d+)$").matcher(commands);
        assertThat(serve.find()).as(commands).isTrue();
        Matcher curl = Pattern.compile("curl -s http://127\\.0\\.0\\.1:(\\d+)(/\\w+) -H 'Content-Type:"
                + " application/json' -d '(.*?)'", Pattern.DOTALL).matcher(commands);
        assertThat(curl.find()).as(commands).isTrue();
        assertThat(curl.group(1)).isEqualTo(serve.group(1));
        HttpResponse<String> response = post(protoServer, curl.group(2), curl.group(3));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("labels").toString()).isEqualTo("[\"white\",\"black\"]");
        assertThat(answer.get("predictions")).hasSize(1);
        assertThat(answer.at("/predictions/0/label").asText()).isIn("white", "black");
        assertThat(readme.replaceAll("\\s+", " ")).as("README states the default limits").contains("limited to "
                + (ServeLimits.MAX_BODY_BYTES >> 20) + " MiB (`--max-body`), " + ServeLimits.MAX_SUPPORT
                + " support and " + ServeLimits.MAX_QUERY + " query examples");
    }

    private record BadCase(String body, int status, String field, String message) {
    }

    private static void assertBad(HttpResponse<String> response, BadCase c) throws IOException {
        String what = c.field() + " <- " + (c.body().length() > 200 ? c.body().substring(0, 200) : c.body());
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("field").asText()).as(what).isEqualTo(c.field());
        assertThat(error.get("error").asText()).as(what).contains(c.message()).doesNotContain("Exception")
                .doesNotContain("\tat ").doesNotContain("[Source");
    }

    private HttpResponse<String> post(ModelServer server, String path, String body) throws Exception {
        return send(request(server, path, body, "application/json"));
    }

    private HttpResponse<String> get(ModelServer server, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(ModelServer server, String path, String body, String type) {
        return HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String zeros(int n) {
        return "[" + "0,".repeat(n - 1) + "0]";
    }

    private static byte[] png(int shape, int variant) {
        return encode(StrokeDrawings.drawing(shape, variant), "png");
    }

    private static byte[] jpeg(int shape, int variant) {
        return encode(StrokeDrawings.drawing(shape, variant), "jpeg");
    }

    private static byte[] blank(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, format, out)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
