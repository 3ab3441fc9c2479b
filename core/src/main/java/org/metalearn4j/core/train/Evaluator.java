package org.metalearn4j.core.train;

import java.util.function.LongToDoubleFunction;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.TaskScorer;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores an adapter (or a learner that scores tasks itself, a {@link TaskScorer}) on a fixed, seeded episode set:
 * episode {@code i} is {@code source.sample(Seeds.derive(seed, i))}, so every learner and every checkpoint is measured
 * on identical tasks.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * Mean accuracy (classification) or MSE (regression) of the learner's adapter over {@code episodes} episodes,
     * with its 95% CI; a {@link TaskScorer} learner scores the episodes itself (episode {@code i} with the seed
     * {@code Seeds.derive(seed, i, 1)}).
     */
    public static EvalResult evaluate(Learner learner, TaskSource source, int episodes, long seed) {
        if (!(learner instanceof TaskScorer scorer)) {
            return evaluate(learner.adapter(), source, episodes, seed);
        }
        return summarise(scorer.metricName(), episodes,
                i -> scorer.score(source.sample(Seeds.derive(seed, i)), Seeds.derive(seed, i, 1)));
    }

    /** Mean accuracy (classification) or MSE (regression) over {@code episodes} episodes, with its 95% CI. */
    public static EvalResult evaluate(Adapter adapter, TaskSource source, int episodes, long seed) {
        TaskType[] type = new TaskType[1];
        EvalResult r = summarise("", episodes, i -> {
            Task task = source.sample(Seeds.derive(seed, i));
            if (task.type() == TaskType.CONTROL) {
                throw new IllegalArgumentException(task.domain() + ": control tasks are scored by a learner that"
                        + " acts in their environment (a TaskScorer), not by an adapter's predictions");
            }
            type[0] = task.type();
            Predictor predictor = adapter.adapt(task.support(), task.type(), task.ways());
            return score(task, predictor.predict(task.query().x()));
        });
        return new EvalResult(metricName(type[0]), r.value(), r.ci95(), r.episodes());
    }

    /** The mean of {@code perEpisode} over episodes {@code 0..episodes-1} with its 95% CI. */
    private static EvalResult summarise(String metric, int episodes, LongToDoubleFunction perEpisode) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        double[] values = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            values[i] = perEpisode.applyAsDouble(i);
        }
        return EvalResult.of(metric, values);
    }

    /** {@code accuracy}, {@code mse} or {@code return} (control). */
    public static String metricName(TaskType type) {
        return switch (type) {
            case CLASSIFICATION -> "accuracy";
            case REGRESSION -> "mse";
            case CONTROL -> "return";
        };
    }

    /** Accuracy of argmax predictions, or mean squared error, on one task's query set. */
    static double score(Task task, INDArray output) {
        INDArray y = task.query().y();
        if (task.type() == TaskType.REGRESSION) {
            INDArray target = y.castTo(DataType.DOUBLE).reshape(output.shape());
            INDArray diff = output.castTo(DataType.DOUBLE).sub(target);
            return diff.mul(diff).meanNumber().doubleValue();
        }
        if (output.rank() != 2 || output.size(0) != y.size(0)) {
            throw new IllegalStateException("predictor returned shape " + java.util.Arrays.toString(output.shape())
                    + " for " + y.size(0) + " query examples; expected [queries, ways]");
        }
        return Accuracy.of(output, y.castTo(DataType.INT).toIntVector());
    }
}
