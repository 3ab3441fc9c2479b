package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.train.RunLock;
import org.metalearn4j.datasets.omniglot.OneShotRunsFixture;
import org.metalearn4j.datasets.omniglot.RawOmniglot;

/**
 * The shipped configs and the real providers end to end through the CLI, kept tiny (narrow backbone, a few
 * iterations): ProtoNet on omniglot-small scored on the official one-shot runs format, and transfer pipelines.
 */
class OmniglotCliTest {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final Path CONFIGS = Path.of("configs");

    @TempDir
    Path dir;

    @Test
    void protonetTrainedOnShippedOmniglotIsScoredOnOneShotRuns() throws IOException {
        Path run = dir.resolve("proto");
        CliRun train = CliRun.of("train", CONFIGS.resolve("omniglot-protonet.yaml"), "--out", run, "--no-progress",
                "--set", "learner.params.backbone.channels=8", "--set", "train.iterations=2",
                "--set", "train.way=5", "--set", "train.shot=1", "--set", "train.query=2",
                "--set", "eval.episodes=3");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(JSON.readTree(train.lastLine()).get("accuracy").asDouble()).isBetween(0.0, 1.0);

        Path runs = RawOmniglot.writeZip(dir.resolve("all_runs.zip"), OneShotRunsFixture.assemble());
        CliRun eval = CliRun.of("eval", run, "--omniglot-runs", runs);
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode score = JSON.readTree(eval.lastLine());
        assertThat(score.get("items").asInt()).isEqualTo(77);
        assertThat(score.get("runs").asInt()).isEqualTo(4);
        assertThat(score.get("accuracy").asDouble())
                .isEqualTo(score.get("correct").asDouble() / 77.0).isBetween(0.0, 1.0);
        assertThat(score.get("perRun").fieldNames()).toIterable().containsExactly("run01", "run02", "run03", "run04");

        CliRun missing = CliRun.of("eval", run, "--omniglot-runs", dir.resolve("absent.zip"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains(dir.resolve("absent.zip").toString());
    }

    @Test
    void everyShippedRunConfigValidatesWithItsEnumSettingsWrittenAsBefore() throws IOException {
        List<Path> shipped;
        try (Stream<Path> files = Files.list(CONFIGS)) {
            shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(shipped).hasSize(24);
        for (Path config : shipped) {
            CliRun check = CliRun.of("config", config);
            assertThat(check.code()).as(config + ": " + check.err()).isZero();
            assertThat(check.out()).contains("  params:");
        }
        assertThat(CliRun.of("config", CONFIGS.resolve("omniglot-maml.yaml")).out()).contains("    order: second\n")
                .contains("      type: adam\n");
    }

    @Test
    void everyShippedPipelineValidatesAndABadOneFailsBeforeTrainingNamingTheStage() throws IOException {
        List<Path> shipped;
        try (Stream<Path> files = Files.list(CONFIGS.resolve("pipelines"))) {
            shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(shipped).isNotEmpty();
        for (Path pipeline : shipped) {
            CliRun check = CliRun.of("pipeline", pipeline, "--check");
            if (Files.readString(pipeline).contains("path: runs/")) {
                // needs a run that its header says how to train first: the check names the missing run directory
                assertThat(check.code()).as(pipeline + ": " + check.err()).isEqualTo(2);
                assertThat(check.err()).contains("no file or directory runs/");
                continue;
            }
            assertThat(check.code()).as(pipeline + ": " + check.err()).isZero();
            assertThat(JSON.readTree(check.lastLine()).get("valid").asBoolean()).isTrue();
        }

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                seed: 1
                stages:
                  - stage: pretrain
                    config: {dataset: omniglot-small, split: meta-train, iterations: 2}
                  - stage: nope
                    config: {}
                """);
        CliRun r = CliRun.of("pipeline", bad, "--out", dir.resolve("never"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("invalid pipeline " + bad + ", nothing was run")
                .contains("stages[1].stage: unknown stage 'nope'; available stages: [");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void pretrainThenFewShotEvaluationRunsAsOnePipeline() throws IOException {
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                seed: 3
                stages:
                  - stage: pretrain
                    config: {dataset: omniglot-small, split: meta-train, backbone: {type: conv4, channels: 8},
                             iterations: 2, batchSize: 16, maxPerClass: 2}
                  - stage: evaluate
                    config: {dataset: omniglot-small, split: meta-test, way: 5, shot: 1, query: 2, episodes: 4,
                             adapter: prototypes}
                """);
        CliRun r = CliRun.of("pipeline", pipeline, "--out", dir.resolve("run"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = JSON.readTree(r.lastLine());
        assertThat(summary.get("stages")).hasSize(2);
        assertThat(summary.get("stages").get(0).get("produces").asText()).isEqualTo("BACKBONE");
        JsonNode evaluation = summary.get("stages").get(1);
        assertThat(evaluation.get("produces").asText()).isEqualTo("EVALUATION");
        assertThat(evaluation.get("metrics").get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.list(dir.resolve("run")).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly(RunLock.FILE, "0-pretrain", "1-evaluate", "pipeline.jsonl");
    }
}
