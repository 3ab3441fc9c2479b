package org.metalearn4j.transfer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.train.RunLock;
import org.metalearn4j.core.train.RunLockedException;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;
import org.metalearn4j.transfer.evaluate.EvaluateStageProvider;
import org.metalearn4j.transfer.metatrain.MetaTrainStageProvider;

/**
 * Issue 25, items 3-5 for pipelines: the check runs every stage for one step on its real data and input, so what only
 * the data reveals fails before any stage trains; a run directory has one writer; resuming a missing one is refused.
 */
class PipelineCheckTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.of("test", new MetaTrainStageProvider(),
            new EvaluateStageProvider(), new BlobsDatasetProvider(), new CentroidLearnerProvider(),
            new FakeStages.Add(), new FakeStages.Score());
    private static final String TRAIN = "{learner: test-centroid, dataset: test-blobs, split: %s, way: 3, shot: 2,"
            + " query: 4, metaBatch: 2, iterations: 5000}";
    private static final String EVALUATE = "{dataset: test-blobs, split: meta-test, way: %d, shot: 2, query: 4,"
            + " episodes: 500}";

    @TempDir
    Path dir;

    private static Pipeline pipeline(String split, int evalWay) {
        return new PipelineValidator(REGISTRY).validate(PipelineSpecReader.parse("seed: 3\nstages:\n"
                + "  - stage: meta-train\n    config: " + TRAIN.formatted(split) + "\n"
                + "  - stage: evaluate\n    config: " + EVALUATE.formatted(evalWay) + "\n"));
    }

    @Test
    void aLastStageAskingMoreWaysThanItsSplitHasFailsTheCheckBeforeAnythingTrains() {
        Pipeline p = pipeline("meta-train", 50);
        assertThatThrownBy(() -> new PipelineValidator(REGISTRY).dryRun(p, "p.yaml"))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageStartingWith("pipeline: invalid pipeline p.yaml, nothing was run:\n  stages[1] 'evaluate': ")
                .hasMessageContaining("asked for 50 ways")
                .hasMessageContaining("(found by running the stage for one step");
    }

    @Test
    void aSplitTypoIsFoundAtItsStage() {
        Pipeline p = pipeline("meta-trian", 3);
        assertThatThrownBy(() -> new PipelineValidator(REGISTRY).dryRun(p, null))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("stages[0] 'meta-train': ")
                .hasMessageContaining("no split 'meta-trian'");
    }

    @Test
    void aValidPipelineChecksInAStepPerStageAndWritesNothing() {
        long t0 = System.nanoTime();
        assertThatCode(() -> new PipelineValidator(REGISTRY).dryRun(pipeline("meta-train", 3), null))
                .doesNotThrowAnyException();
        // 5000 iterations and 500 episodes as configured would take minutes; the check does one of each.
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(60);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void stagesThatCannotBeDryRunAreLeftToTheirConfigChecks() {
        FakeStages.RUNS.set(0);
        Pipeline p = new PipelineValidator(REGISTRY).validate(PipelineSpecReader.parse(
                "stages: [{stage: add, config: {amount: 1}}, {stage: score}]"));
        new PipelineValidator(REGISTRY).dryRun(p, null);
        assertThat(FakeStages.RUNS.get()).isZero();
    }

    @Test
    void aRunDirectoryHasOneWriterAndAMissingOneCannotBeResumed() {
        Pipeline p = new PipelineValidator(REGISTRY).validate(PipelineSpecReader.parse(
                "stages: [{stage: add, config: {amount: 1}}]"));
        assertThatThrownBy(() -> new PipelineRunner(REGISTRY).run(p, dir.resolve("missing"), true))
                .isInstanceOf(ConfigException.class)
                .hasMessage("resume: run directory " + dir.resolve("missing") + " does not exist; nothing to resume");
        Path run = dir.resolve("run");
        try (RunLock held = RunLock.acquire(run, "another pipeline")) {
            assertThatThrownBy(() -> new PipelineRunner(REGISTRY).run(p, run, false))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageContaining("run directory " + run + " is in use");
        }
        assertThat(new PipelineRunner(REGISTRY).run(p, run, false)).hasSize(1);
    }
}
