package org.metalearn4j.examples.plugin;

import java.util.List;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Classifies a query by the nearest support-class mean (squared Euclidean distance on flattened inputs). The only
 * meta-parameter is the softmax temperature {@code t = exp(theta)} of the logits {@code -t * d^2}, which calibrates
 * the predicted probabilities; it is trained by SGD on the query cross-entropy.
 */
final class NearestMeanLearner implements Learner {
    private final NearestMeanConfig config;
    private double theta;
    private long steps;

    NearestMeanLearner(NearestMeanConfig config) {
        this.config = config;
        this.theta = Math.log(config.initialTemperature());
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        double grad = 0;
        double loss = 0;
        double accuracy = 0;
        double t = Math.exp(theta);
        for (Task task : batch) {
            INDArray d = sqDistances(flat(task.query().x()), means(task.support(), task.ways()));
            double[][] p = softmax(d.mul(-t)).toDoubleMatrix();
            double[][] dist = d.toDoubleMatrix();
            int[] y = task.query().y().toIntVector();
            int[] predicted = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                loss -= Math.log(Math.max(p[i][y[i]], 1e-300)) / y.length;
                int best = 0;
                for (int k = 0; k < p[i].length; k++) {
                    best = p[i][k] > p[i][best] ? k : best;
                    // dLoss/dLogit = p - onehot; dLogit/dTheta = -t * d^2.
                    double g = (p[i][k] - (k == y[i] ? 1 : 0)) / y.length;
                    grad += g * -t * dist[i][k];
                }
                predicted[i] = best;
            }
            accuracy += Accuracy.ofPredictions(predicted, y);
        }
        theta -= config.learningRate() * grad / batch.size();
        steps++;
        return StepMetrics.of(loss / batch.size(), accuracy / batch.size());
    }

    private static INDArray flat(INDArray x) {
        return x.castTo(DataType.DOUBLE).reshape(x.size(0), -1);
    }

    /** Row k is the mean of the support examples of class k. */
    private static INDArray means(Examples support, int ways) {
        INDArray x = flat(support.x());
        int[] y = support.y().toIntVector();
        INDArray sums = Nd4j.zeros(DataType.DOUBLE, ways, x.size(1));
        double[] counts = new double[ways];
        for (int i = 0; i < y.length; i++) {
            sums.getRow(y[i]).addi(x.getRow(i));
            counts[y[i]]++;
        }
        for (int k = 0; k < ways; k++) {
            sums.getRow(k).divi(Math.max(counts[k], 1));
        }
        return sums;
    }

    private static INDArray sqDistances(INDArray x, INDArray c) {
        INDArray xx = x.mul(x).sum(1).reshape(x.rows(), 1);
        INDArray cc = c.mul(c).sum(1).reshape(1, c.rows());
        return x.mmul(c.transpose()).muli(-2).addi(xx).addi(cc);
    }

    private static INDArray softmax(INDArray logits) {
        INDArray e = Transforms.exp(logits.subColumnVector(logits.max(1).reshape(logits.rows(), 1)), false);
        return e.diviColumnVector(e.sum(1).reshape(e.rows(), 1));
    }

    @Override
    public Adapter adapter() {
        double t = Math.exp(theta);
        return (support, type, ways) -> {
            INDArray c = means(support, ways);
            return x -> sqDistances(flat(x), c).muli(-t);
        };
    }

    @Override
    public StateDict state() {
        return new StateDict().putScalar("theta", theta).putLongs("steps", steps);
    }

    @Override
    public void load(StateDict state) {
        theta = state.getScalar("theta");
        steps = state.getLongs("steps")[0];
    }

    @Override
    public StateDict backbone() {
        return new StateDict();
    }
}
