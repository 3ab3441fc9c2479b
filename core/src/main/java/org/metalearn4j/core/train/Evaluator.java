package org.metalearn4j.core.train;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores an adapter on a fixed, seeded episode set: episode {@code i} is {@code source.sample(Seeds.derive(seed, i))},
 * so every learner and every checkpoint is measured on identical tasks. Predictions that are NaN or Inf fail the
 * evaluation: scored as they are, they would look like a chance-level result.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Mean accuracy (classification) or MSE (regression) over {@code episodes} episodes, with its 95% CI. */
    public static EvalResult evaluate(Adapter adapter, TaskSource source, int episodes, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        episodes = DryRun.steps(episodes);
        double sum = 0;
        double sumSq = 0;
        TaskType type = null;
        for (int i = 0; i < episodes; i++) {
            Task task = source.sample(Seeds.derive(seed, i));
            type = task.type();
            Predictor predictor = adapter.adapt(task.support(), task.type(), task.ways());
            INDArray output = predictor.predict(task.query().x());
            if (!FiniteCheck.isFinite(output)) {
                throw new IllegalStateException("the adapter predicted NaN or Inf for episode " + i + " of "
                        + task.domain() + " (seed " + seed + "): the model's parameters or its adaptation diverged");
            }
            double v = score(task, output);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / episodes;
        double variance = episodes > 1 ? Math.max(0, (sumSq - episodes * mean * mean) / (episodes - 1)) : 0;
        return new EvalResult(metricName(type), mean, 1.96 * Math.sqrt(variance / episodes), episodes);
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
            throw new IllegalStateException("predictor returned shape " + java.util.Arrays.toString(output.shape())
                    + " for " + y.size(0) + " query examples; expected [queries, ways]");
        }
        return Accuracy.of(output, y.castTo(DataType.INT).toIntVector());
    }
}
