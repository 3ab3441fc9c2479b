package org.metalearn4j.transfer.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.testing.FixedDatasetProvider;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;
import org.metalearn4j.transfer.data.SyntheticImages;
import org.metalearn4j.transfer.metatrain.MetaTrainStageProvider;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidationException;
import org.metalearn4j.transfer.pipeline.PipelineValidator;
import org.metalearn4j.transfer.pretrain.PretrainStageProvider;

class EvaluateStageTest {
    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.of("test", new PretrainStageProvider(),
            new MetaTrainStageProvider(), new EvaluateStageProvider(),
            new FixedDatasetProvider(SyntheticImages.create("blobs", 10, 20, 5)), new BlobsDatasetProvider(),
            new CentroidLearnerProvider());

    private int runs;

    /** Runs in a fresh directory {@code run<N>}, N counting from 0 within a test. */
    private List<Artifact> run(String yaml) {
        return new PipelineRunner(registry).run(
                new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml)),
                dir.resolve("run" + runs++), false);
    }

    @Test
    void metaTrainsALearnerByNameAndEvaluatesItsAdapterOnFixedEpisodes() {
        String yaml = """
                seed: 1
                stages:
                  - stage: meta-train
                    config: {learner: test-centroid, dataset: test-blobs, split: meta-train, way: 3, shot: 2,
                             query: 4, metaBatch: 2, iterations: 5}
                  - stage: evaluate
                    config: {dataset: test-blobs, split: meta-test, way: 3, shot: 2, query: 4, episodes: 30}
                """;
        List<Artifact> out = run(yaml);
        assertThat(out.get(0).kind()).isEqualTo(ArtifactKind.LEARNER);
        assertThat(out.get(0).provenance().details()).containsEntry("learner", "test-centroid");
        Artifact eval = out.get(1);
        assertThat(eval.metrics().get("episodes")).isEqualTo(30.0);
        // Blobs are well separated: far above the 1/3 chance of a 3-way episode.
        assertThat(eval.metrics().get("accuracy")).isGreaterThan(0.8);
        assertThat(eval.metrics().get("accuracy.ci95")).isBetween(0.0, 0.2);
        // Fixed episodes: a second run gives exactly the same numbers.
        assertThat(run(yaml).get(1).metrics()).isEqualTo(eval.metrics());
    }

    @Test
    void evaluatesAPretrainedBackboneWithPrototypesAndFineTuningAndScratchTraining() {
        String episodes = "dataset: blobs, split: test, way: 3, shot: 2, query: 3, episodes: 8, steps: 5, lr: 0.05";
        List<Artifact> pre = run("""
                seed: 2
                stages:
                  - stage: pretrain
                    config: {dataset: blobs, split: train, classes: [0, 1, 2, 3, 4],
                             backbone: {type: mlp, hidden: [16, 16]},
                             iterations: 10, batchSize: 32, lr: 0.02}
                  - stage: evaluate
                    config: {%s, adapter: prototypes}
                """.formatted(episodes));
        assertThat(pre.get(1).metrics().get("accuracy")).isGreaterThan(0.6);
        assertThat(pre.get(1).provenance().details()).containsEntry("method", "prototypes on pretrained features");

        Path backbone = dir.resolve("run0").resolve("0-pretrain").resolve(PipelineRunner.ARTIFACT_FILE);
        Artifact tuned = run("input: " + backbone + "\nstages: [{stage: evaluate, config: {" + episodes
                + ", adapter: finetune, l2sp: 0.1}}]").get(0);
        assertThat(tuned.metrics().get("accuracy")).isGreaterThan(0.6);

        Artifact scratch = run("stages: [{stage: evaluate, config: {" + episodes
                + ", backbone: {type: mlp, hidden: [16, 16]}}}]")
                .get(0);
        assertThat(scratch.provenance().detail("method")).startsWith("fine-tune from scratch");
        assertThat(scratch.metrics().get("accuracy")).isGreaterThan(0.5);
    }

    @Test
    void unknownDataSetsAndLearnersAreRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> run("""
                stages:
                  - stage: meta-train
                    config: {learner: protonett, dataset: test-blobs}
                  - stage: evaluate
                    config: {dataset: fashion-mnsit}
                """))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("stages[0].config.learner: unknown learner 'protonett'; "
                        + "available: [test-centroid]")
                .hasMessageContaining("stages[1].config.dataset: unknown data set 'fashion-mnsit'; "
                        + "available: [blobs, test-blobs]");
    }

    @Test
    void aStageAfterEvaluateIsRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> run("""
                stages:
                  - stage: evaluate
                    config: {dataset: blobs, split: test}
                  - stage: meta-train
                    config: {learner: test-centroid}
                """))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("stage 1 'meta-train': accepts [")
                .hasMessageContaining("but stage 0 'evaluate' produces EVALUATION");
    }
}
