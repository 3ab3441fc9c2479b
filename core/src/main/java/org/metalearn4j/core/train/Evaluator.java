package org.metalearn4j.core.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Prediction;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Scores an adapter on a fixed, seeded episode set: episode {@code i} is {@code source.sample(Seeds.derive(seed, i))},
 * so every learner and every checkpoint is measured on identical tasks.
 *
 * <p>Regression predictors that give a standard deviation ({@link ProbabilisticPredictor}) are also scored by the
 * Gaussian log-likelihood of the query targets ({@value #LOG_LIKELIHOOD}): per episode the mean over query points
 * (and outputs) of {@code log N(y | mean, std^2)}, in nats, then its mean and 95% CI over episodes like the main
 * metric. Whatever the learner, the same formula on the same tasks.
 */
public final class Evaluator {
    /** The name of the per-point Gaussian log-likelihood in {@link EvalResult#secondary()}. */
    public static final String LOG_LIKELIHOOD = "logLikelihood";
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private Evaluator() {
    }

    /**
     * Mean accuracy (classification) or MSE (regression) over {@code episodes} episodes, with its 95% CI, and the
     * query log-likelihood where the predictors give a standard deviation.
     */
    public static EvalResult evaluate(Adapter adapter, TaskSource source, int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        Mean main = new Mean();
        Mean logLikelihood = new Mean();
        TaskType type = null;
        for (int i = 0; i < episodes; i++) {
            Task task = source.sample(Seeds.derive(seed, i));
            type = task.type();
            Predictor predictor = adapter.adapt(task.support(), task.type(), task.ways(), task.descriptor());
            if (task.type() == TaskType.REGRESSION && predictor instanceof ProbabilisticPredictor probabilistic) {
                Prediction p = probabilistic.distribution(task.query().x());
                main.add(score(task, p.mean()));
                logLikelihood.add(logLikelihood(task, p));
            } else {
                main.add(score(task, predictor.predict(task.query().x())));
            }
        }
        Map<String, EvalResult.Estimate> secondary = new LinkedHashMap<>();
        if (logLikelihood.n > 0) {
            if (logLikelihood.n != episodes) {
                throw new IllegalStateException("the adapter gave standard deviations for " + logLikelihood.n + " of "
                        + episodes + " episodes; a learner's predictors must all be probabilistic or none");
            }
            secondary.put(LOG_LIKELIHOOD, logLikelihood.estimate());
        }
        EvalResult.Estimate m = main.estimate();
        return new EvalResult(metricName(type), m.value(), m.ci95(), episodes, secondary);
    }

    /** {@code accuracy} or {@code mse}. */
    public static String metricName(TaskType type) {
        return type == TaskType.REGRESSION ? "mse" : "accuracy";
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

    /** Mean and 95% CI half-width of per-episode values. */
    private static final class Mean {
        private double sum;
        private double sumSq;
        private int n;

        void add(double v) {
            sum += v;
            sumSq += v * v;
            n++;
        }

        EvalResult.Estimate estimate() {
            double mean = sum / n;
            double variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
            return new EvalResult.Estimate(mean, 1.96 * Math.sqrt(variance / n));
        }
    }
}
