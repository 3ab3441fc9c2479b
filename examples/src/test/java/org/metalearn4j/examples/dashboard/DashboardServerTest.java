package org.metalearn4j.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.examples.runs.RunFixtures;

/** The dashboard's HTTP side over a runs directory with good, damaged and hostile content. */
class DashboardServerTest {
    @TempDir
    Path tmp;

    private Path runs;
    private Vertx vertx;
    private DashboardServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        runs = Files.createDirectories(tmp.resolve("runs"));
        Path done = RunFixtures.training(runs.resolve("done"), "protonet", "omniglot", 10, true);
        new CheckpointStore(done, 2).save(new Checkpoint(10, new StateDict().putScalar("w", 1.5),
                Files.readString(done.resolve(Trainer.CONFIG_FILE)), Provenance.current(7)));
        Path corrupt = RunFixtures.training(runs.resolve("corrupt"), "maml", "sinusoid", 3, false);
        RunFixtures.append(corrupt, "{\"event\": \"step\", \"iteration\": 4, \"lo\n{\"event\": \"step\", \"iter");
        Path noConfig = RunFixtures.training(runs.resolve("group/noconfig"), "relationnet", "fashion-mnist", 2, true);
        Files.delete(noConfig.resolve(Trainer.CONFIG_FILE));
        Files.createDirectories(runs.resolve("pipe/0-pretrain"));
        Files.writeString(runs.resolve("pipe/0-pretrain/artifact.bin"), "not an artifact");
        Path outside = RunFixtures.training(tmp.resolve("outside"), "secret", "secret", 1, true);
        Files.createSymbolicLink(runs.resolve("escape"), outside);
        Files.createSymbolicLink(done.resolve("checkpoints/ckpt-00000099.ml4j"), outside.resolve("config.json"));
        vertx = Vertx.vertx();
        server = DashboardServer.start(vertx, runs, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        vertx.close().await();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
        return ConfigMappers.plain().readTree(r.body());
    }

    private static JsonNode run(JsonNode list, String id) {
        for (JsonNode r : list.get("runs")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no run " + id + " in " + list);
    }

    @Test
    void theRunListShowsEachRunsNamesStatusLatestValuesAndProblems() throws Exception {
        Map<String, String> before = RunFixtures.snapshot(tmp);
        JsonNode list = awaitRuns(4);

        assertThat(list.get("runs")).extracting(r -> r.get("id").asText())
                .containsExactly("corrupt", "done", "group/noconfig", "pipe");
        JsonNode done = run(list, "done");
        assertThat(done.get("learner").asText()).isEqualTo("protonet");
        assertThat(done.get("dataset").asText()).isEqualTo("omniglot");
        assertThat(done.get("status").asText()).isEqualTo("finished");
        assertThat(done.get("iteration").asInt()).isEqualTo(10);
        assertThat(done.get("iterations").asInt()).isEqualTo(10);
        assertThat(done.get("loss").asDouble()).isEqualTo(1.0);
        assertThat(done.get("metric").asDouble()).isEqualTo(1.0);
        assertThat(done.get("eval").get("value").asDouble()).isEqualTo(0.6);
        assertThat(done.get("eval").get("ci95").asDouble()).isEqualTo(0.02);
        assertThat(done.get("problems")).isEmpty();

        JsonNode corrupt = run(list, "corrupt");
        assertThat(corrupt.get("status").asText()).isEqualTo("running");
        assertThat(corrupt.get("iteration").asInt()).isEqualTo(3);
        assertThat(corrupt.get("problems")).extracting(JsonNode::asText).satisfiesExactly(
                p -> assertThat(p).contains("corrupt/metrics.jsonl line 5: not JSON"),
                p -> assertThat(p).contains("line 6 has no line end"));

        JsonNode noConfig = run(list, "group/noconfig");
        assertThat(noConfig.get("learner").asText()).isEqualTo("relationnet");
        assertThat(noConfig.get("dataset").asText()).isEqualTo("fashion-mnist");
        assertThat(run(list, "pipe").get("kind").asText()).isEqualTo("pipeline");
        assertThat(RunFixtures.snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void aRunsDetailHasItsConfigProvenanceAndEveryLineAndSaysWhatIsMissingOrBroken() throws Exception {
        awaitRuns(4);
        JsonNode done = json("/api/run?id=done");
        assertThat(done.get("config").get("seed").asInt()).isEqualTo(7);
        assertThat(done.get("lines")).hasSize(1 + 10 + 2 + 1);
        assertThat(done.get("seq").asInt()).isEqualTo(14);
        JsonNode provenance = done.get("provenance");
        assertThat(provenance.get("file").asText()).endsWith("ckpt-00000010.ml4j");
        assertThat(provenance.get("record").get("seed").asLong()).isEqualTo(7);
        assertThat(provenance.get("record").get("libraries").get("nd4j").asText()).isNotBlank();
        assertThat(provenance.get("problems")).extracting(JsonNode::asText).singleElement().asString()
                .contains("ckpt-00000099.ml4j is not a regular file (a symbolic link?)");

        JsonNode noConfig = json("/api/run?id=" + URLEncoder.encode("group/noconfig", StandardCharsets.UTF_8));
        assertThat(noConfig.get("config").isNull()).isTrue();
        assertThat(noConfig.get("configProblem").asText()).startsWith("no config.json in ");
        assertThat(noConfig.get("provenance").get("problems").get(0).asText()).contains("no checkpoint");

        JsonNode pipe = json("/api/run?id=pipe");
        assertThat(pipe.get("stageList")).singleElement().satisfies(s -> {
            assertThat(s.get("label").asText()).isEqualTo("0-pretrain");
            assertThat(s.get("state").asText()).isEqualTo("done");
            assertThat(s.get("saved").get("problem").asText()).contains("is not a metalearn4j model file");
        });
    }

    @Test
    void pathsFromTheBrowserNeverLeaveTheRunsDirectory() throws Exception {
        awaitRuns(4);
        Map<String, String> before = RunFixtures.snapshot(tmp);
        for (String id : List.of("..", "../outside", "done/../../outside", tmp.resolve("outside").toString(),
                "/etc", "escape", "escape/checkpoints", "%2e%2e")) {
            HttpResponse<String> r = get("/api/run?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(id).isEqualTo(404);
            assertThat(ConfigMappers.plain().readTree(r.body()).get("error").asText()).as(id).isNotBlank();
            assertThat(r.body()).doesNotContain("secret");
        }
        for (String path : List.of("/../outside/config.json", "/webjars/../../outside/config.json",
                "/webjars/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/escape/config.json",
                "/runs/done/config.json")) {
            String raw = rawGet(path, "127.0.0.1:" + server.port());
            assertThat(raw).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("secret")
                    .doesNotContain("root:x:0:0");
        }
        assertThat(RunFixtures.snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void onlyGetIsAnsweredAndOnlyForLoopbackHostNames() throws Exception {
        awaitRuns(4);
        Map<String, String> before = RunFixtures.snapshot(tmp);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/run?id=done")).method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.body()).contains("only reads");
        }
        assertThat(rawGet("/api/runs", "evil.example:" + server.port())).startsWith("HTTP/1.1 403");
        assertThat(rawGet("/api/runs", "localhost:" + server.port())).startsWith("HTTP/1.1 200");
        assertThat(RunFixtures.snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void servesThePageAndUplotFromItsWebJarWithAStrictContentPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'self'"));
        HttpResponse<String> uplot = get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertThat(get("/dashboard.js").body()).contains("EventSource('/api/events')");
    }

    @Test
    void linesAppendedToARunsFileReachTheEventStreamNumberedAfterTheSnapshot() throws Exception {
        awaitRuns(4);
        int seq = json("/api/run?id=corrupt").get("seq").asInt();
        List<String> received = new ArrayList<>();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/api/events")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/event-stream"));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> stream.body()
                .peek(received::add).filter(l -> l.startsWith("data:") && l.contains("\"run\":\"corrupt\""))
                .findFirst().orElse(null));
        // Completes the half-written line 6 (now skipped as not JSON) and adds a good step.
        RunFixtures.append(runs.resolve("corrupt"), "\n" + ConfigMappers.plain().writeValueAsString(
                ConfigMappers.plain().createObjectNode().put("event", "step").put("iteration", 4)
                        .put("iterations", 9).put("loss", 0.5).put("metric", 0.75).put("metricName", "accuracy")
                        .put("elapsedSeconds", 1).put("stepSeconds", 0.1).set("extras",
                                ConfigMappers.plain().createObjectNode())) + "\n");
        String data = line.get(20, TimeUnit.SECONDS);
        JsonNode message = ConfigMappers.plain().readTree(data.substring("data:".length()));
        assertThat(message.get("seq").asInt()).isEqualTo(seq + 1);
        assertThat(message.get("line").get("iteration").asInt()).isEqualTo(4);
        assertThat(received).contains("event: metrics");
        stream.body().close();
    }

    @Test
    void aPortInUseOrAMissingRunsDirectoryIsRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> DashboardServer.start(vertx, runs, "127.0.0.1", server.port()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot serve the dashboard on 127.0.0.1:" + server.port() + ": the port is in use "
                        + "(another dashboard?); choose another with --port");
        assertThatThrownBy(() -> DashboardServer.start(vertx, tmp.resolve("missing"), "127.0.0.1", 0))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
        assertThat(tmp.resolve("missing")).doesNotExist();
    }

    @Test
    void aRunsDirectoryRemovedWhileTheDashboardRunsIsReportedOnThePage() throws Exception {
        awaitRuns(4);
        Path real = runs.toRealPath();
        Files.move(runs, tmp.resolve("moved"));
        JsonNode list = json("/api/runs");
        assertThat(list.get("problems")).extracting(JsonNode::asText)
                .containsExactly("the runs directory " + real + " no longer exists");
    }

    /** The run list once the server's first reading of the runs directory is done. */
    private JsonNode awaitRuns(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode list = json("/api/runs");
        while (list.get("runs").size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            list = json("/api/runs");
        }
        return list;
    }

    /** A request as written, for what HttpClient will not send: any Host header, unnormalised paths. */
    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder all = new StringBuilder();
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                all.append(l).append('\n');
            }
            return all.toString();
        }
    }
}
