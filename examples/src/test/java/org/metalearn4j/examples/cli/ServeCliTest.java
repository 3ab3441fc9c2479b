package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metalearn serve} as a user runs it: its help, a missing or corrupt model, the warning for a non-loopback
 * address, and a real server process that says where it listens, answers, and stops cleanly on Ctrl-C (SIGINT).
 */
class ServeCliTest {
    @TempDir
    Path dir;

    @Test
    void helpShowsThePasteableExampleAndTheLimits() {
        CliRun r = CliRun.of("serve", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Example:", "  ./metalearn serve runs/proto --port 8081",
                "  ./metalearn serve runs/proto --max-support 2000 --max-body 33554432", "--max-body",
                "--max-support", "--max-query", "--max-image-pixels", "default 127.0.0.1");
    }

    @Test
    void aMissingOrCorruptModelIsOneErrorLine() throws Exception {
        Path absent = dir.resolve("absent.ml4j");
        CliRun missing = CliRun.of("serve", absent, "--port", "0");
        assertThat(missing.code()).isEqualTo(CliRun.of("export", absent, "--out", dir.resolve("x.npz")).code())
                .isEqualTo(MetalearnCli.FAILURE);
        assertThat(missing.err()).startsWith("error: ").contains(absent.toString()).contains("does not exist")
                .doesNotContain("\tat ");

        Path corrupt = Files.writeString(dir.resolve("corrupt.ml4j"), "this is not a model");
        CliRun bad = CliRun.of("serve", corrupt, "--port", "0");
        assertThat(bad.code()).isEqualTo(MetalearnCli.FAILURE);
        assertThat(bad.err()).startsWith("error: ").contains(corrupt.toString()).doesNotContain("\tat ");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        CliRun r = CliRun.of("serve", dir.resolve("absent.ml4j"), "--max-support", "0");
        assertThat(r.code()).isEqualTo(MetalearnCli.USAGE);
        assertThat(r.err()).startsWith("error: ").contains("every limit must be at least 1").contains("0 support");
    }

    @Test
    void anotherAddressThanLoopbackIsWarnedAbout() {
        CliRun r = CliRun.of("serve", dir.resolve("absent.ml4j"), "--host", "0.0.0.0", "--port", "0");
        assertThat(r.err()).startsWith("warning: serving on 0.0.0.0: anyone who can reach this machine");
    }

    @Test
    void aServerProcessListensOnLoopbackAnswersAndStopsOnSigint() throws Exception {
        Path run = dir.resolve("runs/sinusoid");
        CliRun trained = CliRun.of("train", Path.of("configs/sinusoid-maml.yaml").toAbsolutePath(), "--out", run,
                "--no-progress", "--set", "train.iterations=2", "--set", "train.metaBatch=1", "--set",
                "eval.episodes=1");
        assertThat(trained.code()).as(trained.err()).isZero();
        ChildCli server = ChildCli.start(dir, dir.resolve("logs"), "serve", run, "--port", "0");
        ChildCli.Result stopped;
        int signal;
        try {
            assertThat(server.waitFor(() -> server.errSoFar().contains("serving "), Duration.ofSeconds(90)))
                    .as(server.errSoFar()).isTrue();
            Matcher ready = Pattern.compile("serving \\S+ \\(maml, regression, input \\[1]\\) at (http://([^:]+):\\d+):"
                    + " POST /predict, GET /model, GET /health \\(Ctrl-C stops it\\)").matcher(server.errSoFar());
            assertThat(ready.find()).as(server.errSoFar()).isTrue();
            assertThat(ready.group(2)).isEqualTo("127.0.0.1");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ready.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            signal = stopSignal(server.pid());
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid())).start();
            assertThat(kill.waitFor()).isZero();
            stopped = server.await(Duration.ofSeconds(30));
        } finally {
            if (server.alive()) {
                server.kill();
            }
        }
        // 128 + the signal: the JVM ran its shutdown hooks and exited; 137 would mean it had to be killed
        assertThat(stopped.code()).as(stopped.err()).isEqualTo(128 + signal);
        assertThat(stopped.err()).doesNotContain("Exception");
        assertThat(stopped.out()).startsWith("{\"url\":\"http://127.0.0.1:");
    }

    /**
     * SIGINT (2), as Ctrl-C sends it, unless the process inherited SIGINT ignored (a background job of a script, as
     * some build runners start Maven): the JVM then cannot see it, and SIGTERM (15) runs the same shutdown hooks.
     */
    private static int stopSignal(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) {
            return 2;
        }
        Matcher ignored = Pattern.compile("SigIgn:\\s*([0-9a-f]+)").matcher(Files.readString(status));
        return ignored.find() && (Long.parseLong(ignored.group(1), 16) & (1L << 1)) != 0 ? 15 : 2;
    }
}
