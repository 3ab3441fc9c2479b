package org.metalearn4j.transfer.multitask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.testing.FixedDatasetProvider;
import org.metalearn4j.transfer.data.SyntheticImages;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidator;

class MultitaskStageTest {
    @TempDir
    Path dir;

    @Test
    void sharedTrunkLearnsBothTasksAndTheNoisierTaskGetsTheLargerLogVariance() {
        PluginRegistry registry = PluginRegistry.of("test", new MultitaskStageProvider(),
                new FixedDatasetProvider(SyntheticImages.create("clean", 4, 30, 1, 0.3)),
                new FixedDatasetProvider(SyntheticImages.create("noisy", 4, 30, 2, 6.0)));
        String yaml = """
                stages:
                  - stage: multitask
                    config:
                      tasks: [{dataset: clean, split: train}, {dataset: noisy, split: train}]
                      weighting: uncertainty
                      sampling: round-robin
                      backbone: {type: mlp, hidden: [16, 16]}
                      iterations: 60
                      batchSize: 32
                      lr: 0.05
                """;
        Artifact out = new PipelineRunner(registry)
                .run(new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml)), dir, false).get(0);
        assertThat(out.kind()).isEqualTo(ArtifactKind.BACKBONE);
        assertThat(out.state().contains("1.weight")).isTrue();
        assertThat(out.metrics().get("task0.train.accuracy")).isGreaterThan(0.9);
        assertThat(out.metrics().get("task1.logvar")).isGreaterThan(out.metrics().get("task0.logvar") + 0.5);
    }
}
