package org.metalearn4j.transfer.distill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.testing.FixedDatasetProvider;
import org.metalearn4j.transfer.data.SyntheticImages;
import org.metalearn4j.transfer.finetune.FinetuneStageProvider;
import org.metalearn4j.transfer.instance.InstanceTransferStageProvider;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidator;

/** The distill and instance-transfer stages run end to end in a pipeline and produce usable models. */
class DistillStageTest {
    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.of("test", new FinetuneStageProvider(),
            new DistillStageProvider(), new InstanceTransferStageProvider(),
            new FixedDatasetProvider(SyntheticImages.create("blobs", 4, 30, 7)));

    private List<Artifact> run(String yaml) {
        return new PipelineRunner(registry).run(
                new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml)),
                dir, false);
    }

    @Test
    void studentLearnsFromTheTeacherModel() {
        List<Artifact> out = run("""
                stages:
                  - stage: finetune
                    config: {dataset: blobs, split: train, testSplit: test, backbone: {type: mlp, hidden: [16, 16]},
                             iterations: 20, batchSize: 32, lr: 0.05}
                  - stage: distill
                    config: {dataset: blobs, split: train, testSplit: test, backbone: {type: mlp, hidden: [8, 8]},
                             temperature: 2.0, alpha: 0.0, iterations: 20, batchSize: 32, lr: 0.05}
                """);
        Artifact student = out.get(1);
        assertThat(student.kind()).isEqualTo(ArtifactKind.MODEL);
        assertThat(student.provenance().details())
                .containsEntry("backbone", "{\"type\":\"mlp\",\"hidden\":[8,8],\"activation\":\"relu\"}")
                .containsEntry("teacher.backbone",
                        "{\"type\":\"mlp\",\"hidden\":[16,16],\"activation\":\"relu\"}");
        // Trained on soft targets only (alpha 0): accuracy comes from the teacher's knowledge.
        assertThat(student.metrics().get("test.accuracy")).isGreaterThan(0.8);
    }

    @Test
    void instanceTransferTrainsOnReweightedSourceExamples() {
        Artifact model = run("""
                stages:
                  - stage: instance-transfer
                    config: {dataset: blobs, sourceSplit: train, targetSplit: test, testSplit: test, pool: 1,
                             backbone: {type: mlp, hidden: [16, 16]},
                             iterations: 20, batchSize: 32, lr: 0.05, maxPerClass: 0}
                """).get(0);
        assertThat(model.kind()).isEqualTo(ArtifactKind.MODEL);
        // Same distribution in both splits: the weights stay near uniform, keeping most of the 120 source examples.
        assertThat(model.metrics().get("weights.effectiveSize")).isGreaterThan(60.0);
        assertThat(model.metrics().get("test.accuracy")).isGreaterThan(0.8);
    }
}
