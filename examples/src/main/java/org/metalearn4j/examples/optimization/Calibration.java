package org.metalearn4j.examples.optimization;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.optimization.bayes.UncertainPredictor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * How well an adapter's predictions are calibrated, on the same fixed seeded episodes as
 * {@link org.metalearn4j.core.train.Evaluator} (episode i is {@code source.sample(Seeds.derive(seed, i))}).
 * Classification: accuracy and the expected calibration error over 15 equal-width confidence bins (Guo et al.), with
 * the softmax of the predictor's outputs as probabilities. Regression: the MSE of the predictive mean, the Gaussian
 * log-likelihood per query point, and the calibration error of the central intervals at the levels 0.1, ..., 0.9
 * (the mean of |observed fraction inside - level|), from an {@link UncertainPredictor}'s mean and variance; a plain
 * predictor has no variance and is refused.
 */
final class Calibration {
    private static final int BINS = 15;
    /** Standard normal quantiles Phi^-1((1 + p) / 2): central intervals holding p = 0.1, 0.2, ..., 0.9. */
    private static final double[] CENTRAL = {0.125661, 0.253347, 0.385320, 0.524401, 0.674490, 0.841621, 1.036433,
        1.281552, 1.644854};

    private Calibration() {
    }

    /** Accuracy and 15-bin expected calibration error over {@code episodes} episodes. */
    record Classification(double accuracy, double ece, int predictions) {
    }

    /** Mean MSE, mean Gaussian log-likelihood per point, and interval calibration error. */
    record Regression(double mse, double logLikelihood, double calibrationError, int points) {
    }

    static Classification classification(Adapter adapter, TaskSource source, int episodes, long seed) {
        double[] confidence = new double[BINS];
        double[] correct = new double[BINS];
        int[] count = new int[BINS];
        int total = 0;
        int hits = 0;
        for (int e = 0; e < episodes; e++) {
            Task task = source.sample(Seeds.derive(seed, e));
            Predictor p = adapter.adapt(task.support(), task.type(), task.ways());
            INDArray probabilities = Transforms.softmax(p.predict(task.query().x()).castTo(DataType.DOUBLE), true);
            int[] labels = task.query().y().castTo(DataType.INT).toIntVector();
            for (int i = 0; i < labels.length; i++) {
                double[] row = probabilities.getRow(i).toDoubleVector();
                int best = 0;
                for (int c = 1; c < row.length; c++) {
                    best = row[c] > row[best] ? c : best;
                }
                int bin = Math.min(BINS - 1, (int) (row[best] * BINS));
                confidence[bin] += row[best];
                boolean right = best == labels[i];
                correct[bin] += right ? 1 : 0;
                count[bin]++;
                hits += right ? 1 : 0;
                total++;
            }
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correct[b] - confidence[b]) / total;
            }
        }
        return new Classification(hits / (double) total, ece, total);
    }

    static Regression regression(Adapter adapter, TaskSource source, int episodes, long seed) {
        double squares = 0;
        double logLikelihood = 0;
        int[] inside = new int[CENTRAL.length];
        int points = 0;
        for (int e = 0; e < episodes; e++) {
            Task task = source.sample(Seeds.derive(seed, e));
            if (!(adapter.adapt(task.support(), TaskType.REGRESSION, 1) instanceof UncertainPredictor p)) {
                throw new IllegalArgumentException("regression calibration needs a predictive variance: the learner's"
                        + " predictor is not an UncertainPredictor");
            }
            UncertainPredictor.Predictive d = p.predictive(task.query().x());
            double[] mean = d.mean().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
            double[] variance = d.variance().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
            double[] y = task.query().y().castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
            for (int i = 0; i < y.length; i++) {
                double r = y[i] - mean[i];
                squares += r * r;
                logLikelihood += -0.5 * Math.log(2 * Math.PI * variance[i]) - r * r / (2 * variance[i]);
                double z = Math.abs(r) / Math.sqrt(variance[i]);
                for (int k = 0; k < CENTRAL.length; k++) {
                    inside[k] += z <= CENTRAL[k] ? 1 : 0;
                }
                points++;
            }
        }
        double error = 0;
        for (int k = 0; k < CENTRAL.length; k++) {
            error += Math.abs(inside[k] / (double) points - 0.1 * (k + 1));
        }
        return new Regression(squares / points, logLikelihood / points, error / CENTRAL.length, points);
    }
}
