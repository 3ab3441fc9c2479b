package org.metalearn4j.examples.metric;

import java.util.List;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;

/**
 * Trains a learner on a data set's {@code meta-train} episodes until a wall-clock budget runs out. Episode {@code i}
 * comes from seed {@code derive(seed, i)}.
 */
final class TimedTraining {
    /** What a run produced. */
    record Result(Learner learner, long episodes, double seconds, double lastLoss) {
        double secondsPerEpisode() {
            return episodes == 0 ? Double.NaN : seconds / episodes;
        }
    }

    private TimedTraining() {
    }

    /** Steps {@code learner} on {@code spec} episodes until {@code budgetSeconds} have passed; logs every minute. */
    static Result train(Learner learner, Dataset data, EpisodeSpec spec, double budgetSeconds, long seed) {
        TaskSource source = data.episodes("meta-train", spec);
        long start = System.nanoTime();
        long lastLog = start;
        long episodes = 0;
        double loss = Double.NaN;
        while ((System.nanoTime() - start) / 1e9 < budgetSeconds) {
            StepMetrics m = learner.step(List.of(source.sample(Seeds.derive(seed, episodes))));
            loss = m.loss();
            episodes++;
            if (System.nanoTime() - lastLog > 60e9) {
                lastLog = System.nanoTime();
                System.err.printf("episode %d: loss %.4f accuracy %.3f (%.0f s)%n", episodes, m.loss(), m.metric(),
                        (lastLog - start) / 1e9);
            }
        }
        return new Result(learner, episodes, (System.nanoTime() - start) / 1e9, loss);
    }
}
