package org.metalearn4j.transfer.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.testing.FixedDatasetProvider;
import org.metalearn4j.transfer.data.SyntheticImages;
import org.metalearn4j.transfer.model.Classifier;
import org.metalearn4j.transfer.model.FrozenFlags;
import org.metalearn4j.transfer.pipeline.ArtifactFiles;
import org.metalearn4j.transfer.pipeline.PipelineRunner;
import org.metalearn4j.transfer.pipeline.PipelineSpecReader;
import org.metalearn4j.transfer.pipeline.PipelineValidator;
import org.metalearn4j.transfer.pretrain.PretrainStageProvider;

class FinetuneStageTest {
    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.of("test", new PretrainStageProvider(),
            new FinetuneStageProvider(), new FixedDatasetProvider(SyntheticImages.create("blobs", 10, 20, 3)));

    private List<Artifact> run(String yaml, Path runDir) {
        return new PipelineRunner(registry).run(
                new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml)),
                runDir, false);
    }

    @Test
    void frozenLayersStayBitwiseUnchangedAfterSaveLoadAndMoreFineTuning() {
        List<Artifact> first = run("""
                seed: 3
                stages:
                  - stage: pretrain
                    config: {dataset: blobs, split: train, classes: [0, 1, 2, 3, 4],
                             backbone: {type: mlp, hidden: [16, 16]},
                             iterations: 15, batchSize: 32, lr: 0.02}
                  - stage: finetune
                    config: {dataset: blobs, split: train, testSplit: test, classes: [5, 6, 7, 8, 9],
                             mode: linear-probe, iterations: 15, batchSize: 32, lr: 0.1}
                """, dir.resolve("a"));
        Artifact probe = first.get(1);
        assertThat(probe.kind()).isEqualTo(ArtifactKind.MODEL);
        assertThat(FrozenFlags.read(probe.state())).containsExactlyInAnyOrder(
                "backbone.1.weight", "backbone.1.bias", "backbone.3.weight", "backbone.3.bias");
        assertThat(probe.metrics().get("test.accuracy")).isGreaterThan(0.6);
        // The linear probe's backbone is exactly the pretrained one.
        assertThat(probe.state().get("backbone.1.weight")).isEqualTo(first.get(0).state().get("1.weight"));

        Path saved = dir.resolve("a").resolve("1-finetune").resolve(PipelineRunner.ARTIFACT_FILE);
        Artifact reloaded = ArtifactFiles.read(saved);
        Artifact more = run("input: " + saved + """

                stages:
                  - stage: finetune
                    config: {dataset: blobs, split: train, classes: [5, 6, 7, 8, 9], mode: full, newHead: false,
                             testSplit: null, iterations: 5, batchSize: 32, lr: 0.05}
                """, dir.resolve("b")).get(0);

        for (String frozen : FrozenFlags.read(reloaded.state())) {
            assertThat(more.state().get(frozen)).as(frozen).isEqualTo(reloaded.state().get(frozen));
        }
        assertThat(FrozenFlags.read(more.state())).isEqualTo(FrozenFlags.read(reloaded.state()));
        assertThat(more.state().get("head.weight")).isNotEqualTo(reloaded.state().get("head.weight"));
    }

    @Test
    void aNamedOptimizerFineTunesAndKeepsFrozenParametersFrozen() {
        List<Artifact> out = run("""
                seed: 3
                stages:
                  - stage: pretrain
                    config: {dataset: blobs, split: train, classes: [0, 1, 2, 3, 4],
                             backbone: {type: mlp, hidden: [16, 16]}, iterations: 15, batchSize: 32, lr: 0.02,
                             optimizer: {type: rmsprop}}
                  - stage: finetune
                    config: {dataset: blobs, split: train, testSplit: test, classes: [5, 6, 7, 8, 9],
                             mode: last-k, k: 1, iterations: 15, batchSize: 32, lr: 0.05,
                             optimizer: {type: sgd, momentum: 0.9}}
                """, dir.resolve("opt"));
        Artifact tuned = out.get(1);
        assertThat(tuned.metrics().get("test.accuracy")).isGreaterThan(0.6);
        assertThat(tuned.state().get("backbone.1.weight")).isEqualTo(out.get(0).state().get("1.weight"));
        assertThat(tuned.state().get("backbone.3.weight")).isNotEqualTo(out.get(0).state().get("3.weight"));
    }

    @Test
    void lastKTrainsOnlyTheLastBackboneBlocksAndTheHead() {
        Classifier model = new Classifier(BackboneSpec.mlp(8, 8), new long[] {1, 4, 4}, 3, 1,
                PluginRegistry.classpath());
        assertThat(model.backboneBlocks()).containsExactly("1", "3");
        FinetunePlan plan = new FinetunePlan(FinetuneMode.LAST_K, 1, null, 0.01, 0);
        assertThat(plan.frozen(model, Set.of())).containsExactlyInAnyOrder("backbone.1.weight", "backbone.1.bias");
        assertThat(new FinetunePlan(FinetuneMode.FULL, 0, null, 0.01, 0).frozen(model, Set.of("head.bias")))
                .containsExactly("head.bias");
    }

    @Test
    void l2spKeepsTheBackboneCloserToThePretrainedWeights() {
        String pre = """
                seed: 4
                stages:
                  - stage: pretrain
                    config: {dataset: blobs, split: train, classes: [0, 1, 2, 3, 4],
                             backbone: {type: mlp, hidden: [16, 16]},
                             iterations: 10, batchSize: 32, lr: 0.02}
                  - stage: finetune
                    config: {dataset: blobs, split: train, classes: [5, 6, 7, 8, 9], mode: full, testSplit: null,
                             iterations: 10, batchSize: 32, lr: 0.05, l2sp: %s}
                """;
        double free = drift(run(pre.formatted(0.0), dir.resolve("free")));
        double anchored = drift(run(pre.formatted(10.0), dir.resolve("anchored")));
        assertThat(anchored).isLessThan(0.5 * free);
    }

    private static double drift(List<Artifact> out) {
        return out.get(1).state().get("backbone.1.weight").sub(out.get(0).state().get("1.weight"))
                .norm2Number().doubleValue();
    }
}
