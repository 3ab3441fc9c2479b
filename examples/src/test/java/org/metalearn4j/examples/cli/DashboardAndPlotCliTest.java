package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.examples.runs.PipelineJournal;
import org.metalearn4j.examples.runs.PipelineRun;
import org.metalearn4j.examples.runs.PipelineStageState;
import org.metalearn4j.examples.runs.RunFixtures;
import org.metalearn4j.examples.runs.RunStatus;

/** {@code metalearn plot}, {@code metalearn dashboard}, {@code --dashboard} and the pipeline journal, end to end. */
class DashboardAndPlotCliTest {
    @TempDir
    Path dir;

    @Test
    void plotDrawsATrainedRunAsPngOrSvgAndOverlaysRuns() throws IOException {
        Path run = dir.resolve("runs/blobs");
        CliRun train = CliRun.of("train", MetalearnCliTest.config(dir, 4), "--out", run, "--no-progress");
        assertThat(train.code()).as(train.err()).isZero();
        Path other = RunFixtures.training(dir.resolve("runs/fixture"), "protonet", "omniglot", 8, true);

        CliRun png = CliRun.of("plot", run, other, "--out", dir.resolve("figures/curves.png"), "--width", 800,
                "--height", 500);
        assertThat(png.code()).as(png.err()).isZero();
        BufferedImage image = ImageIO.read(dir.resolve("figures/curves.png").toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        JsonNode summary = ConfigMappers.plain().readTree(png.lastLine());
        assertThat(summary.get("runs").get(0).get("steps").asInt()).isEqualTo(4);
        assertThat(summary.get("runs").get(1).get("evaluations").asInt()).isEqualTo(1);
        assertThat(png.err()).isEmpty();

        CliRun svg = CliRun.of("plot", run, "--out", dir.resolve("curves.svg"));
        assertThat(svg.code()).as(svg.err()).isZero();
        assertThat(Files.readString(dir.resolve("curves.svg"))).contains("<svg").contains(">blobs (training)<")
                .contains(">blobs (meta-test, 95% CI)<");
    }

    @Test
    void plotRefusesWhatItCannotDrawNamingTheRunOrFileAndWritesNothing() throws IOException {
        Path good = RunFixtures.training(dir.resolve("good"), "protonet", "omniglot", 3, true);
        Map<String, String> before = RunFixtures.snapshot(dir);

        CliRun missing = CliRun.of("plot", dir.resolve("nope"), "--out", dir.resolve("a.png"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("run directory " + dir.resolve("nope") + " does not exist");

        Files.createDirectories(dir.resolve("empty"));
        CliRun empty = CliRun.of("plot", dir.resolve("empty"), "--out", dir.resolve("a.png"));
        assertThat(empty.err()).contains(dir.resolve("empty") + " has no metrics.jsonl")
                .contains("metalearn train --out DIR");
        Files.delete(dir.resolve("empty"));

        CliRun format = CliRun.of("plot", good, "--out", dir.resolve("a.jpg"));
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("a.jpg: expected a file name ending in .png or .svg");

        Files.writeString(good.resolve(Trainer.METRICS_FILE), "{\"event\":\"started\",\"learner\":\"x\"}\n");
        CliRun nothing = CliRun.of("plot", good, "--out", dir.resolve("a.png"));
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to plot").contains("recorded no training step");
        RunFixtures.training(good, "protonet", "omniglot", 3, true);
        assertThat(RunFixtures.snapshot(dir).keySet()).isEqualTo(before.keySet());
    }

    @Test
    void plotWarnsAboutDamagedLinesAndDrawsTheRest() throws IOException {
        Path run = RunFixtures.training(dir.resolve("run"), "protonet", "omniglot", 6, false);
        RunFixtures.append(run, "{\"event\": \"step\", \"iteration\": 7, \"lo\n{\"half\": ");
        CliRun r = CliRun.of("plot", run, "--out", dir.resolve("run.png"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: " + run.resolve(Trainer.METRICS_FILE) + " line 9: not JSON")
                .contains("line 10 has no line end");
        assertThat(dir.resolve("run.png")).isNotEmptyFile();
    }

    @Test
    void dashboardRefusesAMissingRunsDirectoryAndAPortInUse() throws IOException {
        CliRun missing = CliRun.of("dashboard", "--runs", dir.resolve("runs"), "--port", 0);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("runs directory " + dir.resolve("runs") + " does not exist");
        assertThat(dir.resolve("runs")).doesNotExist();

        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            int port = taken.getLocalPort();
            CliRun inUse = CliRun.of("dashboard", "--runs", dir, "--port", port, "--host", "0.0.0.0");
            assertThat(inUse.code()).isEqualTo(1);
            assertThat(inUse.err()).contains("warning: the dashboard listens on 0.0.0.0: anyone who can reach "
                    + "this machine on port " + port).contains("there is no login")
                    .contains("error: cannot serve the dashboard on 0.0.0.0:" + port + ": the port is in use");

            CliRun train = CliRun.of("train", MetalearnCliTest.config(dir, 2), "--out", dir.resolve("new/run"),
                    "--dashboard=" + port, "--no-progress");
            assertThat(train.code()).isEqualTo(1);
            assertThat(train.err()).contains("the port is in use");
            assertThat(dir.resolve("new")).doesNotExist();
        }
    }

    @Test
    void aPipelineWritesItsJournalForTheDashboardAndARefusedRunAddsNothing() throws IOException {
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                seed: 4
                stages:
                  - stage: meta-train
                    config: {learner: test-centroid, dataset: test-blobs, split: meta-train, way: 3, shot: 2,
                             query: 4, metaBatch: 2, iterations: 3}
                  - stage: evaluate
                    config: {dataset: test-blobs, split: meta-test, way: 3, shot: 2, query: 4, episodes: 6}
                """);
        Path run = dir.resolve("run");
        CliRun first = CliRun.of("pipeline", pipeline, "--out", run, "--no-progress", "--dashboard=0");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err())
                .containsPattern("dashboard: http://127\\.0\\.0\\.1:[0-9]+/\\?run=run \\(while this runs");
        String journal = Files.readString(run.resolve(PipelineJournal.FILE));

        PipelineRun read = new PipelineRun(run);
        read.refresh();
        assertThat(read.plan().stages()).containsExactly("0-meta-train", "1-evaluate");
        List<PipelineStageState> stages = read.stages(false);
        assertThat(stages).extracting(PipelineStageState::state).containsExactly("done", "done");
        assertThat(stages.get(1).metrics()).containsKey("accuracy");
        assertThat(read.status(Instant.now()).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(read.problems()).isEmpty();

        CliRun refused = CliRun.of("pipeline", pipeline, "--out", run);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(Files.readString(run.resolve(PipelineJournal.FILE))).isEqualTo(journal);
    }
}
