package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.train.testing.BlobsConfig;
import org.metalearn4j.core.train.testing.BlobsDataset;
import org.metalearn4j.core.train.testing.CentroidConfig;
import org.metalearn4j.core.train.testing.CentroidLearner;
import org.metalearn4j.core.learner.LearnerContext;

/** A dry run cuts core's loops to one step and writes no checkpoint; outside it nothing changes. */
class DryRunTest {
    private static final BlobsDataset DATA = new BlobsDataset(new BlobsConfig(4, 6, 6, 0.5, 1));
    private static final TaskSource TASKS = DATA.episodes("meta-train", new EpisodeSpec(3, 2, 2));

    private static LoopResult run(List<Integer> checkpoints) {
        CentroidLearner learner = new CentroidLearner(new CentroidConfig(3, 0.1, 0.5), LearnerContext.forDataset(
                DATA, TASKS, 3, 5, java.util.Optional.empty(), PluginRegistry.classpath()));
        return new MetaTrainingLoop(learner, TASKS, LoopPlan.of(5, 1, 3).withCheckpointEvery(Every.iterations(1)),
                "accuracy")
                .evaluation((l, it, last) -> Evaluator.evaluate(l.adapter(), TASKS, 7, 1), "meta-train")
                .checkpoints((l, it, recent) -> {
                    checkpoints.add(it);
                    return "ckpt-" + it;
                })
                .run(LoopStart.fresh(), () -> false);
    }

    @Test
    void loopsDoOneStepAndEvaluateOneEpisodeWithoutCheckpoints() {
        List<Integer> checkpoints = new ArrayList<>();
        LoopResult dry;
        try (Scope s = DryRun.begin()) {
            assertThat(DryRun.active()).isTrue();
            dry = run(checkpoints);
        }
        assertThat(DryRun.active()).isFalse();
        assertThat(dry.iteration()).isEqualTo(1);
        assertThat(dry.evaluation().episodes()).isEqualTo(1);
        assertThat(checkpoints).isEmpty();

        LoopResult real = run(checkpoints);
        assertThat(real.iteration()).isEqualTo(5);
        assertThat(real.evaluation().episodes()).isEqualTo(7);
        assertThat(checkpoints).containsExactly(1, 2, 3, 4, 5);
    }
}
