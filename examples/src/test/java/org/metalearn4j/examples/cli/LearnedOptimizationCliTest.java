package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.TrainingCheckpoint;

/**
 * Issue 19's learners through the CLI, tiny: each shipped config trains, each learner runs as a meta-train stage,
 * a learned optimizer's training resumes bitwise and then drives a pretraining stage, and a diverging unroll stops
 * with an error naming the step and leaves no checkpoint.
 */
class LearnedOptimizationCliTest {
    private static final ObjectMapper JSON = ConfigMappers.plain();
    private static final Path CONFIGS = Path.of("configs");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "omniglot-lstm-meta-learner.yaml|learner.params.backbone.channels=4,learner.params.hidden=2,"
                + "learner.params.innerSteps=1,learner.params.evalInnerSteps=1,train.metaBatch=2",
        "omniglot-bmaml.yaml|learner.params.backbone.channels=4,learner.params.particles=2,train.metaBatch=2",
        "quadratic-learned-optimizer.yaml|learner.params.steps=4,learner.params.unroll=2,learner.params.evalSteps=4,"
                + "dataset.params.batch=4",
        "fashion-mnist-learned-optimizer.yaml|learner.params.steps=3,learner.params.unroll=3,"
                + "learner.params.evalSteps=3,train.shot=5,eval.shot=5,eval.query=5",
        "mixture-task-conditioned.yaml|train.metaBatch=3",
        "sinusoid-bmaml.yaml|learner.params.particles=3,train.metaBatch=2"})
    void everyShippedConfigTrains(String config, String overrides) throws IOException {
        List<Object> args = new java.util.ArrayList<>(List.of("train", CONFIGS.resolve(config), "--out",
                dir.resolve("run"), "--no-progress", "--set", "train.iterations=1", "--set", "eval.episodes=2"));
        for (String o : overrides.split(",")) {
            args.add("--set");
            args.add(o);
        }
        CliRun train = CliRun.of(args.toArray());
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode summary = JSON.readTree(train.lastLine());
        assertThat(summary.get("iterations").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lstm-meta-learner|{hidden: 2, innerSteps: 1, evalInnerSteps: 1}",
        "learned-optimizer|{hidden: 4, steps: 4, unroll: 2, evalSteps: 4, batchSize: 0}",
        "task-conditioned|{encoder: {hidden: [4], width: 2}}",
        "bmaml|{particles: 2}",
        "ensemble-maml|{particles: 2}"})
    void everyLearnerRunsAsAMetaTrainStage(String learner, String params) throws IOException {
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                seed: 4
                stages:
                  - stage: meta-train
                    config: {learner: %s, params: %s, dataset: test-blobs, split: meta-train, way: 3, shot: 2,
                             query: 3, metaBatch: 2, iterations: 2}
                  - stage: evaluate
                    config: {dataset: test-blobs, split: meta-test, way: 3, shot: 2, query: 3, episodes: 4}
                """.formatted(learner, "{backbone: {type: mlp, hidden: [6]}, " + params.substring(1)));
        CliRun run = CliRun.of("pipeline", pipeline, "--out", dir.resolve("run"), "--no-progress");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.lastLine()).get("stages").toString()).contains("accuracy");
    }

    private Path quadraticConfig(String extra) throws IOException {
        Path f = dir.resolve("l2l.yaml");
        Files.writeString(f, """
                seed: 3
                dataset: {name: quadratic, params: {dimensions: 4}}
                learner:
                  name: learned-optimizer
                  params: {hidden: 4, steps: 6, unroll: 3, evalSteps: 6, batchSize: 0, headBias: false,
                           backbone: {type: mlp, hidden: []}%s}
                train: {iterations: 2, metaBatch: 3, way: 1, shot: 4, query: 4, checkpointEvery: 1, evalEvery: 100}
                eval: {way: 1, shot: 4, query: 4, episodes: 3}
                """.formatted(extra));
        return f;
    }

    @Test
    void aLearnedOptimizersTrainingResumesBitwiseAndItThenPretrainsANetwork() throws IOException {
        Path config = quadraticConfig("");
        Path straight = dir.resolve("straight");
        assertThat(CliRun.of("train", config, "--out", straight, "--no-progress").code()).isZero();
        Path resumed = dir.resolve("resumed");
        assertThat(CliRun.of("train", config, "--out", resumed, "--no-progress", "--set", "train.iterations=1")
                .code()).isZero();
        CliRun second = CliRun.of("train", config, "--resume", resumed, "--no-progress");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(bytes(newest(resumed))).isEqualTo(bytes(newest(straight)));

        Path pipeline = dir.resolve("pretrain.yaml");
        Files.writeString(pipeline, """
                seed: 2
                stages:
                  - stage: pretrain
                    config: {dataset: omniglot-small, split: meta-train, classes: [0, 1, 2], maxPerClass: 4,
                             backbone: {type: mlp, hidden: [8]}, iterations: 3, batchSize: 6, lr: 0.001,
                             optimizer: {type: learned-lstm, path: %s}}
                """.formatted(straight));
        CliRun pretrain = CliRun.of("pipeline", pipeline, "--out", dir.resolve("p"), "--no-progress");
        assertThat(pretrain.code()).as(pretrain.err()).isZero();
        assertThat(JSON.readTree(pretrain.lastLine()).get("stages").toString()).contains("train.loss");

        Files.writeString(pipeline, Files.readString(pipeline).replace(straight.toString(),
                dir.resolve("absent").toString()));
        CliRun missing = CliRun.of("pipeline", pipeline, "--out", dir.resolve("q"), "--no-progress");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("optimizer.path: no file or directory " + dir.resolve("absent"));
    }

    @Test
    void aDivergingUnrollFailsNamingTheStepAndWritesNoCheckpoint() throws IOException {
        Path run = dir.resolve("diverged");
        CliRun train = CliRun.of("train", quadraticConfig(", outputScale: 1.0e20"), "--out", run,
                "--no-progress");
        assertThat(train.code()).isNotZero();
        assertThat(train.err()).contains("learned-optimizer, iteration 1: task 0: the optimizee loss is")
                .contains(" at step ");
        assertThat(new CheckpointStore(run, 3).files()).isEmpty();
    }

    private static Path newest(Path run) {
        List<Path> files = new CheckpointStore(run, 3).files();
        return files.get(files.size() - 1);
    }

    private static byte[] bytes(Path checkpoint) {
        StateDict learner = TrainingCheckpoint.learnerState(CheckpointFile.read(checkpoint), checkpoint.toString());
        var out = new java.io.ByteArrayOutputStream();
        try {
            learner.write(new java.io.DataOutputStream(out));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
