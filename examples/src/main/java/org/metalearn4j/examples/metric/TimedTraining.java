package org.metalearn4j.examples.metric;

import java.util.Locale;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.examples.cli.Progress;

/**
 * Trains a learner with the shared {@link MetaTrainingLoop} on one {@code meta-train} episode per step until a
 * wall-clock budget of training time runs out, showing its {@link Progress} in seconds of the budget (a bar on a
 * terminal, elsewhere a line at each tenth of the budget and at least once a minute).
 */
final class TimedTraining {
    private TimedTraining() {
    }

    /** Steps {@code learner} on {@code spec} episodes for {@code budgetSeconds} of training. */
    static LoopResult train(Learner learner, Dataset data, EpisodeSpec spec, double budgetSeconds, long seed) {
        LoopPlan plan = LoopPlan.of(Integer.MAX_VALUE, 1, seed).withBudget(budgetSeconds);
        long budget = Math.max(1, (long) Math.ceil(budgetSeconds));
        try (Progress progress = Progress.onStderr("train (seconds)", budget)) {
            LoopResult result = new MetaTrainingLoop(learner, data.episodes("meta-train", spec), plan, "accuracy")
                    .events(event -> {
                        if (event instanceof StepEvent e) {
                            progress.setExtraMessage(String.format(Locale.ROOT, " episode %d loss %.4f acc %.3f",
                                    e.iteration(), e.loss(), e.metric()));
                            progress.stepTo(Math.min(budget, (long) e.elapsedSeconds()));
                        }
                    })
                    .run(LoopStart.fresh(), () -> false);
            // The loop ends when the budget is spent, which its last step's elapsed time may fall short of.
            progress.stepTo(budget);
            return result;
        }
    }
}
