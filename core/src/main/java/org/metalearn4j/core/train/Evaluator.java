package org.metalearn4j.core.train;

import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EmbeddingAdapter;
import org.metalearn4j.core.learner.IsolatedAdapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.Prediction;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.learner.TaskScorer;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Scores an adapter (or a learner that scores tasks itself, a {@link TaskScorer}) on a fixed, seeded episode set:
 * episode {@code i} is {@code source.sample(Seeds.derive(seed, i))}, so every learner and every checkpoint is measured
 * on identical tasks.
 *
 * <p>Regression predictors that give a standard deviation ({@link ProbabilisticPredictor}) are also scored by the
 * Gaussian log-likelihood of the query targets ({@value #LOG_LIKELIHOOD}): per episode the mean over query points
 * (and outputs) of {@code log N(y | mean, std^2)}, in nats, then its mean and 95% CI over episodes like the main
 * metric. Whatever the learner, the same formula on the same tasks.
 * Predictions or scores that are NaN or Inf fail the evaluation: scored as they are, they would look like a
 * chance-level result.
 */
public final class Evaluator {
    /** The name of the per-point Gaussian log-likelihood in {@link EvalResult#secondary()}. */
    public static final String LOG_LIKELIHOOD = "logLikelihood";
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private Evaluator() {
    }

    /**
     * Mean accuracy (classification) or MSE (regression) of the learner's adapter over {@code episodes} episodes,
     * with its 95% CI (and the query log-likelihood where the predictors give a standard deviation); a
     * {@link TaskScorer} learner scores the episodes itself (episode {@code i} with the seed
     * {@code Seeds.derive(seed, i, 1)}).
     */
    public static EvalResult evaluate(Learner learner, TaskSource source, int episodes, long seed) {
        return evaluate(learner, source, episodes, seed, EvalProgress.NONE);
    }

    /** As {@link #evaluate(Learner, TaskSource, int, long)}, reporting progress as it goes. */
    public static EvalResult evaluate(Learner learner, TaskSource source, int episodes, long seed,
                                      EvalProgress progress) {
        if (!(learner instanceof TaskScorer scorer)) {
            return evaluate(learner.adapter(), source, episodes, seed, progress);
        }
        return summarise(scorer.metricName(), episodes,
                i -> scorer.score(source.sample(Seeds.derive(seed, i)), Seeds.derive(seed, i, 1)), progress);
    }

    /**
     * Mean accuracy (classification) or MSE (regression) over {@code episodes} episodes, with its 95% CI, and the
     * query log-likelihood where the predictors give a standard deviation.
     */
    public static EvalResult evaluate(Adapter adapter, TaskSource source, int episodes, long seed) {
        return evaluate(adapter, source, episodes, seed, EvalProgress.NONE);
    }

    /**
     * As {@link #evaluate(Adapter, TaskSource, int, long)}, reporting progress as it goes. Adapters that declare a
     * capability are evaluated faster with the same result ({@link EmbeddingAdapter}: each example embedded once;
     * {@link IsolatedAdapter}: episodes side by side in step arenas).
     */
    public static EvalResult evaluate(Adapter adapter, TaskSource source, int episodes, long seed,
                                      EvalProgress progress) {
        return episodeScores(adapter, source, episodes, seed, progress).summary();
    }

    /**
     * The scores behind {@link #evaluate(Adapter, TaskSource, int, long, EvalProgress)}, episode by episode: two
     * adapters scored with the same source, count and seed saw the same episodes, so their per-episode differences
     * give a paired comparison, far tighter than comparing two means with their own intervals.
     */
    public static EpisodeScores episodeScores(Adapter adapter, TaskSource source, int episodes, long seed,
                                              EvalProgress progress) {
        requireEpisodes(episodes);
        episodes = DryRun.steps(episodes);
        EpisodeScores scores = EpisodeScores.compute(adapter, source, episodes, seed, progress);
        double[] values = scores.values();
        for (int i = 0; i < episodes; i++) {
            requireFinite(i, values[i]);
        }
        return scores;
    }

    /** The mean of {@code perEpisode} over episodes {@code 0..episodes-1} with its 95% CI. */
    private static EvalResult summarise(String metric, int episodes, LongToDoubleFunction perEpisode,
                                        EvalProgress progress) {
        requireEpisodes(episodes);
        episodes = DryRun.steps(episodes);
        double[] values = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            values[i] = perEpisode.applyAsDouble(i);
            requireFinite(i, values[i]);
            progress.report(EvalProgress.EPISODES, i + 1, episodes);
        }
        return EvalResult.of(metric, values);
    }

    private static void requireFinite(int episode, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("episode " + episode + " scored " + value + ": the model's parameters"
                    + " or its adaptation diverged");
        }
    }

    private static void requireEpisodes(int episodes) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
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
            throw new IllegalStateException("predictor returned shape " + Arrays.toString(output.shape())
                    + " for " + y.size(0) + " query examples; expected [queries, ways]");
        }
        return Accuracy.of(output, y.castTo(DataType.INT).toIntVector());
    }

    /** Mean of {@code log N(y | mean, std^2)} over the query targets of {@code task}, in float64. */
    static double logLikelihood(Task task, Prediction p) {
        INDArray mean = p.mean().castTo(DataType.DOUBLE);
        INDArray std = p.std().castTo(DataType.DOUBLE);
        if (std.minNumber().doubleValue() <= 0 || std.isNaN().any()) {
            throw new IllegalStateException(task.domain() + ": the predictor returned a standard deviation <= 0 or NaN"
                    + " (smallest " + std.minNumber() + "); a Gaussian log-likelihood needs std > 0");
        }
        INDArray y = task.query().y().castTo(DataType.DOUBLE).reshape(mean.shape());
        INDArray z = y.sub(mean).divi(std);
        INDArray perPoint = z.muli(z).muli(-0.5).subi(Transforms.log(std, true)).subi(HALF_LOG_TWO_PI);
        return perPoint.meanNumber().doubleValue();
    }
}
