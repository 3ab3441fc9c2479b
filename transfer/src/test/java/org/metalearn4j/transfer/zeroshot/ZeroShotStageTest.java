package org.metalearn4j.transfer.zeroshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.testing.FixedDatasetProvider;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidationException;
import org.metalearn4j.transfer.pipeline.PipelineValidator;
import org.metalearn4j.transfer.pretrain.PretrainStageProvider;
import org.nd4j.linalg.api.ndarray.INDArray;

class ZeroShotStageTest {
    @TempDir
    Path dir;

    @Test
    void classifiesHeldOutClassesOfALabelledDataSetThroughAPipeline() throws Exception {
        SyntheticClasses classes = new SyntheticClasses(10, 8, 20, 0.5, 31);
        ClassStoreDataset data = classes.dataset("synthetic", 40, 32, 33);
        Path table = dir.resolve("attributes.json");
        Files.writeString(table, tableJson(classes.attributes));
        PluginRegistry registry = PluginRegistry.of("test", new ZeroShotStageProvider(),
                new FixedDatasetProvider(data));

        for (String method : List.of("eszsl", "dap")) {
            String yaml = """
                    stages:
                      - stage: zeroshot
                        config: {method: %s, attributes: %s, dataset: synthetic, unseen: [1, 4, 7], pool: 1}
                    """.formatted(method, table);
            var pipeline = new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml));
            Artifact out = new PipelineRunner(registry).run(pipeline, dir.resolve(method), false).get(0);
            assertThat(out.metrics().get("chance")).isEqualTo(1.0 / 3);
            assertThat(out.metrics().get("testExamples")).isEqualTo(120.0);
            assertThat(out.metrics().get("accuracy")).as(method).isGreaterThan(0.85);
            assertThat(out.provenance().details()).containsEntry("unseen.classes", "c1, c4, c7");
        }
    }

    @Test
    void runsOnTheFeaturesOfAPretrainedBackbone() throws Exception {
        SyntheticClasses classes = new SyntheticClasses(10, 8, 20, 0.5, 41);
        ClassStoreDataset data = classes.dataset("synthetic", 40, 42, 43);
        Path table = dir.resolve("attributes.json");
        Files.writeString(table, tableJson(classes.attributes));
        PluginRegistry registry = PluginRegistry.of("test", new ZeroShotStageProvider(), new PretrainStageProvider(),
                new FixedDatasetProvider(data));
        String yaml = """
                stages:
                  - stage: pretrain
                    config: {dataset: synthetic, split: train, classes: [0, 2, 3, 5, 6, 8, 9],
                             backbone: {type: mlp, hidden: [32, 32]},
                             iterations: 30, batchSize: 64, lr: 0.01}
                  - stage: zeroshot
                    config: {method: eszsl, attributes: %s, dataset: synthetic, unseen: [1, 4, 7], pool: 1}
                """.formatted(table);
        var pipeline = new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml));
        Artifact out = new PipelineRunner(registry).run(pipeline, dir.resolve("backbone"), false).get(1);
        assertThat(out.provenance().details()).containsEntry("features",
                "backbone {\"type\":\"mlp\",\"hidden\":[32,32],\"activation\":\"relu\"} features");
        assertThat(out.metrics().get("accuracy")).isGreaterThan(0.6);
    }

    @Test
    void missingAttributeFileAndBadMethodFailValidation() {
        PluginRegistry registry = PluginRegistry.of("test", new ZeroShotStageProvider());
        String yaml = """
                stages:
                  - stage: zeroshot
                    config: {attributes: %s}
                  - stage: zeroshot
                    config: {method: knn}
                """.formatted(dir.resolve("nope.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml)))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("stages[0].config.attributes: names a missing file: "
                        + dir.resolve("nope.json"))
                .hasMessageContaining("stages[1].config.method: expected one of [eszsl, dap], got \"knn\"");
    }

    private static String tableJson(INDArray attributes) {
        StringBuilder sb = new StringBuilder("{\"attributes\": [");
        for (int m = 0; m < attributes.columns(); m++) {
            sb.append(m == 0 ? "" : ",").append("{\"name\": \"a").append(m).append("\"}");
        }
        sb.append("], \"classes\": [");
        for (int c = 0; c < attributes.rows(); c++) {
            sb.append(c == 0 ? "" : ",").append("{\"index\": ").append(c).append(", \"name\": \"c").append(c)
                    .append("\", \"values\": ").append(java.util.Arrays.toString(attributes.getRow(c).toDoubleVector()))
                    .append("}");
        }
        return sb.append("]}").toString();
    }
}
