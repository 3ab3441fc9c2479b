package org.metalearn4j.examples.metric;

import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.MetaTrainingLoop;

/**
 * Trains a learner with the shared {@link MetaTrainingLoop} on one {@code meta-train} episode per step until a
 * wall-clock budget of training time runs out, logging every minute.
 */
final class TimedTraining {
    private TimedTraining() {
    }

    /** Steps {@code learner} on {@code spec} episodes for {@code budgetSeconds} of training. */
    static LoopResult train(Learner learner, Dataset data, EpisodeSpec spec, double budgetSeconds, long seed) {
        LoopPlan plan = LoopPlan.of(Integer.MAX_VALUE, 1, seed).withBudget(budgetSeconds);
        double[] lastLog = {0};
        return new MetaTrainingLoop(learner, data.episodes("meta-train", spec), plan, "accuracy")
                .events(event -> {
                    if (event instanceof StepEvent e && e.elapsedSeconds() - lastLog[0] > 60) {
                        lastLog[0] = e.elapsedSeconds();
                        System.err.printf("episode %d: loss %.4f accuracy %.3f (%.0f s)%n", e.iteration(), e.loss(),
                                e.metric(), e.elapsedSeconds());
                    }
                })
                .run(LoopStart.fresh(), () -> false);
    }
}
