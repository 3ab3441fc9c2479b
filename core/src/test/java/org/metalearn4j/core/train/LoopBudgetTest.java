package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.testing.BlobsConfig;
import org.metalearn4j.core.train.testing.BlobsDataset;
import org.metalearn4j.core.train.testing.CentroidConfig;
import org.metalearn4j.core.train.testing.CentroidLearner;

/**
 * A plan without a budget runs its iterations; a budget of 0, what a resumed run has left once its budget is spent,
 * trains no step and writes no checkpoint (it once meant "no budget", so a finished run continued trained on).
 */
class LoopBudgetTest {
    private static final BlobsDataset DATA = new BlobsDataset(new BlobsConfig(4, 6, 6, 0.5, 1));
    private static final TaskSource TASKS = DATA.episodes("meta-train", new EpisodeSpec(3, 2, 2));

    private static LoopResult run(LoopPlan plan, List<Integer> checkpoints) {
        CentroidLearner learner = new CentroidLearner(new CentroidConfig(3, 0.1, 0.5), LearnerContext.forDataset(
                DATA, TASKS, 3, 5, Optional.empty(), PluginRegistry.classpath()));
        return new MetaTrainingLoop(learner, TASKS, plan, "accuracy")
                .checkpoints((l, it, recent) -> {
                    checkpoints.add(it);
                    return "ckpt-" + it;
                })
                .run(LoopStart.fresh(), () -> false);
    }

    @Test
    void withoutABudgetEveryIterationRuns() {
        List<Integer> checkpoints = new ArrayList<>();
        assertThat(run(LoopPlan.of(4, 1, 3), checkpoints).iteration()).isEqualTo(4);
        assertThat(checkpoints).containsExactly(4);
    }

    @Test
    void aSpentBudgetTrainsNothing() {
        List<Integer> checkpoints = new ArrayList<>();
        LoopResult r = run(LoopPlan.of(4, 1, 3).withBudget(0), checkpoints);
        assertThat(r.iteration()).isZero();
        assertThat(r.trainSeconds()).isZero();
        assertThat(checkpoints).isEmpty();
    }
}
