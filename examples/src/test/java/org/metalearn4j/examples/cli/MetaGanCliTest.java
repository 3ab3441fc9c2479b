package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * {@code metagan} as every learner is used: trained by name with {@code metalearn train} (here with the maml
 * classifier, tiny networks), resumed bitwise, and meta-trained by the {@code meta-train} pipeline stage (protonet
 * classifier).
 */
class MetaGanCliTest {
    private static final Path CONFIG = Path.of("configs", "omniglot-metagan.yaml");

    @TempDir
    Path dir;

    @Test
    void trainedByNameAndAnInterruptedRunResumesBitwise() throws IOException {
        Path whole = dir.resolve("whole");
        CliRun straight = train(whole, 4);
        assertThat(straight.code()).as(straight.err()).isZero();
        assertThat(ConfigMappers.plain().readTree(straight.lastLine()).get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readString(whole.resolve("metrics.jsonl"))).contains("\"fakeProbability\"")
                .contains("\"generatorLoss\"");

        Path split = dir.resolve("split");
        assertThat(train(split, 2).code()).isZero();
        CliRun resumed = CliRun.of(args(split, 4, "--resume"));
        assertThat(resumed.code()).as(resumed.err()).isZero();

        assertThat(learnerBytes(split.resolve("checkpoints/ckpt-00000004.ml4j")))
                .isEqualTo(learnerBytes(whole.resolve("checkpoints/ckpt-00000004.ml4j")));
    }

    @Test
    void theMetaTrainStageTrainsItByName() throws IOException {
        Path pipeline = dir.resolve("p.yaml");
        Files.writeString(pipeline, """
                seed: 3
                stages:
                  - stage: meta-train
                    config: {learner: metagan, dataset: omniglot-small, split: meta-train, way: 5, shot: 1,
                             query: 2, metaBatch: 2, iterations: 2,
                             params: {classifier: protonet, backbone: {type: mlp, hidden: [16]},
                                      generator: {noise: 4, taskEmbedding: 4, hidden: [16]}}}
                  - stage: evaluate
                    config: {dataset: omniglot-small, split: meta-test, way: 5, shot: 1, query: 2, episodes: 3}
                """);
        CliRun r = CliRun.of("pipeline", pipeline, "--out", dir.resolve("run"), "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode stages = ConfigMappers.plain().readTree(r.lastLine()).get("stages");
        assertThat(stages.toString()).contains("meta-train").contains("evaluate");
    }

    private static CliRun train(Path out, int iterations) {
        return CliRun.of(args(out, iterations, "--out"));
    }

    private static Object[] args(Path out, int iterations, String how) {
        List<Object> a = new ArrayList<>(List.of("train", CONFIG, how, out, "--no-progress"));
        for (String set : List.of("learner.params.backbone.channels=4", "learner.params.generator.noise=4",
                "learner.params.generator.taskEmbedding=4", "learner.params.generator.hidden=[16]",
                "learner.params.taskThreads=1", "train.iterations=" + iterations, "train.metaBatch=2",
                "train.query=2", "train.checkpointEvery=2", "train.evalEvery=4", "eval.episodes=2")) {
            a.add("--set");
            a.add(set);
        }
        return a.toArray();
    }

    private static byte[] learnerBytes(Path checkpoint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckpointFile.read(checkpoint).state().withPrefix("learner.").write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
