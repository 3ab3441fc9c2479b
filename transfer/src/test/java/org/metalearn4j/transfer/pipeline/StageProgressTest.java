package org.metalearn4j.transfer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.testing.FixedDatasetProvider;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;
import org.metalearn4j.transfer.data.SyntheticImages;
import org.metalearn4j.transfer.distill.DistillStageProvider;
import org.metalearn4j.transfer.evaluate.EvaluateStageProvider;
import org.metalearn4j.transfer.finetune.FinetuneStageProvider;
import org.metalearn4j.transfer.metatrain.MetaTrainStageProvider;
import org.metalearn4j.transfer.multitask.MultitaskStageProvider;
import org.metalearn4j.transfer.pretrain.PretrainStageProvider;

/**
 * The real stages report their loops' progress as pipeline events, with exact counts and totals, and say what data
 * they load before loading it.
 */
class StageProgressTest {
    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.of("test", new PretrainStageProvider(),
            new FinetuneStageProvider(), new DistillStageProvider(), new MultitaskStageProvider(),
            new MetaTrainStageProvider(), new EvaluateStageProvider(),
            new FixedDatasetProvider(SyntheticImages.create("blobs", 4, 10, 3)), new BlobsDatasetProvider(),
            new CentroidLearnerProvider());

    private RecordingPublisher run(String name, String yaml) {
        RecordingPublisher recorded = new RecordingPublisher();
        Pipeline p = new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml));
        new PipelineRunner(registry, recorded).run(p, dir.resolve(name), false);
        return recorded;
    }

    private static List<String> counts(int total) {
        return IntStream.rangeClosed(1, total).mapToObj(i -> i + "/" + total).toList();
    }

    @Test
    void trainingStagesReportEveryIterationAndEvaluationEveryEpisode() {
        String mlp = "backbone: {type: mlp, hidden: [8]}, batchSize: 8, lr: 0.05";
        RecordingPublisher r = run("supervised", """
                stages:
                  - stage: pretrain
                    config: {dataset: blobs, split: train, iterations: 6, %1$s}
                  - stage: finetune
                    config: {dataset: blobs, split: train, testSplit: test, iterations: 4, %1$s}
                  - stage: distill
                    config: {dataset: blobs, split: train, testSplit: test, iterations: 3, %1$s}
                  - stage: evaluate
                    config: {dataset: blobs, split: test, way: 2, shot: 1, query: 2, episodes: 5,
                             adapter: prototypes}
                """.formatted(mlp));
        assertThat(r.progressOf("0-pretrain")).isEqualTo(counts(6));
        assertThat(r.progressOf("1-finetune")).isEqualTo(counts(4));
        assertThat(r.progressOf("2-distill")).isEqualTo(counts(3));
        assertThat(r.progressOf("3-evaluate")).isEqualTo(counts(5));
        assertThat(r.metrics.get(0)).containsOnlyKeys("loss", "accuracy");
        assertThat(r.metrics.get(0).get("loss")).isPositive();
        // Each stage's progress comes between its start and its end.
        // Each stage says what it loads before it loads it, before its first progress report.
        assertThat(r.events).containsSubsequence("started 0-pretrain 1/4",
                "loading 0-pretrain data set blobs split train", "progress 0-pretrain 1/6", "started 1-finetune 2/4",
                "loading 1-finetune data set blobs split train",
                "progress 1-finetune 1/4", "loading 1-finetune data set blobs split test", "finished 1-finetune 2/4",
                "started 3-evaluate 4/4", "loading 3-evaluate data set blobs", "progress 3-evaluate 1/5");
        assertThat(r.events).containsSubsequence("started 0-pretrain 1/4", "progress 0-pretrain 6/6",
                "finished 0-pretrain 1/4", "started 1-finetune 2/4", "progress 3-evaluate 5/5",
                "finished 3-evaluate 4/4");
    }

    @Test
    void metaTrainingAndMultitaskReportEveryIteration() {
        RecordingPublisher meta = run("meta", """
                stages:
                  - stage: meta-train
                    config: {learner: test-centroid, dataset: test-blobs, split: meta-train, way: 3, shot: 2,
                             query: 4, metaBatch: 2, iterations: 4}
                """);
        assertThat(meta.progressOf("0-meta-train")).isEqualTo(counts(4));
        assertThat(meta.metrics.get(3)).containsKeys("loss", "metric");

        RecordingPublisher multi = run("multi", """
                stages:
                  - stage: multitask
                    config: {tasks: [{dataset: blobs, split: train}, {dataset: blobs, split: test}],
                             backbone: {type: mlp, hidden: [8]}, iterations: 5, batchSize: 8, lr: 0.05}
                """);
        assertThat(multi.progressOf("0-multitask")).isEqualTo(counts(5));
    }
}
