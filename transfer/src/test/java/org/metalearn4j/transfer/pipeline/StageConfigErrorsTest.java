package org.metalearn4j.transfer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;
import org.metalearn4j.transfer.evaluate.EvaluateStageProvider;
import org.metalearn4j.transfer.finetune.FinetuneStageProvider;
import org.metalearn4j.transfer.metatrain.MetaTrainStageProvider;
import org.metalearn4j.transfer.multitask.MultitaskStageProvider;
import org.metalearn4j.transfer.zeroshot.ZeroShotStageProvider;

/** Every problem in a stage's config names its full field path; the pipeline file heads the list. */
class StageConfigErrorsTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.of("test", new MetaTrainStageProvider(),
            new EvaluateStageProvider(), new FinetuneStageProvider(), new MultitaskStageProvider(),
            new ZeroShotStageProvider(), new BlobsDatasetProvider(), new CentroidLearnerProvider());

    @TempDir
    Path dir;

    @Test
    void eachBadValueIsReportedAtItsFullPath() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                stages:
                  - stage: meta-train
                    config: {learner: test-centroid, dataset: test-blobs, way: 0}
                  - stage: meta-train
                    config: {learner: test-centroid, dataset: test-blobs, params: {momentun: 0.5}}
                  - stage: evaluate
                    config: {dataset: test-blobs, adapter: nearest, mode: last-k, k: -1}
                  - stage: finetune
                    config: {dataset: test-blobs, mode: partial}
                  - stage: multitask
                    config: {tasks: [{dataset: test-blobs, split: meta-train}, {split: meta-test}],
                             sampling: round_robin}
                  - stage: zeroshot
                    config: {unseen: [3], lambda: 0}
                """);
        assertThatThrownBy(() -> new PipelineValidator(REGISTRY).validate(PipelineSpecReader.read(file)))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageStartingWith("pipeline: invalid pipeline " + file + ", nothing was run:\n")
                .satisfies(e -> assertThat(((PipelineValidationException) e).problems()).containsExactly(
                        "stages[0].config.way: expected an integer >= 1, got 0",
                        "stages[1].config.params.momentun: unknown key; allowed keys here: [embedding, learningRate,"
                                + " momentum]",
                        "stages[2].config.adapter: expected one of [prototypes, finetune], got \"nearest\"",
                        "stages[3].config.mode: expected one of [full, last-k, linear-probe], got \"partial\"",
                        "stages[4].config.tasks[1].dataset: expected a non-empty string, got nothing",
                        "stages[5].config.unseen: expected a list of at least 2 items, got [3]"));
    }

    @Test
    void aValidStageWithABadValueNamesTheField() {
        assertThatThrownBy(() -> new PipelineValidator(REGISTRY).validate(PipelineSpecReader.parse("""
                stages:
                  - stage: multitask
                    config: {tasks: [{dataset: test-blobs, split: meta-train}, {dataset: test-blobs, split: meta-test}],
                             sampling: round_robin}
                """)))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("stages[0].config.sampling: expected one of [proportional, round-robin], got"
                        + " \"round_robin\"");
    }

    @Test
    void pipelineKeysAreReadStrictly() throws IOException {
        Path file = dir.resolve("dup.yaml");
        Files.writeString(file, "seed: 1\nstages:\n  - stage: evaluate\n    config: {way: 5, way: 2}\n");
        assertThatThrownBy(() -> PipelineSpecReader.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("stages[0].config.way: key given twice");
        assertThatThrownBy(() -> PipelineSpecReader.parse("seed: 010\nstages: [{stage: evaluate}]"))
                .hasMessageStartingWith("seed: 010 is not a plain decimal integer");
        assertThatThrownBy(() -> PipelineSpecReader.parse("stages: [{stage: evaluate, config: [1]}]"))
                .hasMessage("stages[0].config: expected a mapping of keys to values, got [1]");
    }
}
