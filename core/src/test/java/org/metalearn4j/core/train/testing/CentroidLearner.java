package org.metalearn4j.core.train.testing;

import java.util.List;
import java.util.SplittableRandom;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prototypical-network-style test learner with a linear embedding {@code z = x W}: class prototypes are support means
 * in embedding space, logits are negative squared distances, and {@code W} is trained by SGD with momentum on the
 * query cross-entropy. Gradients are written out by hand (checked against finite differences in the tests).
 */
public class CentroidLearner implements Learner {
    private final CentroidConfig config;
    final INDArray weights;
    private final INDArray velocity;
    long steps;

    public CentroidLearner(CentroidConfig config, LearnerContext context) {
        this.config = config;
        int dims = (int) context.inputShape()[0];
        SplittableRandom rnd = new SplittableRandom(context.seed());
        double[] w = new double[dims * config.embedding()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextGaussian() / Math.sqrt(dims);
        }
        this.weights = Nd4j.create(w, new long[]{dims, config.embedding()}, DataType.DOUBLE);
        this.velocity = Nd4j.zeros(DataType.DOUBLE, dims, config.embedding());
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        INDArray grad = Nd4j.zeros(DataType.DOUBLE, weights.shape());
        INDArray taskGrad = Nd4j.zeros(DataType.DOUBLE, weights.shape());
        double loss = 0;
        double accuracy = 0;
        for (Task t : batch) {
            double[] la = lossAndGradient(weights, t, taskGrad);
            loss += la[0];
            accuracy += la[1];
            grad.addi(taskGrad);
        }
        descend(grad.divi(batch.size()));
        return StepMetrics.of(loss / batch.size(), accuracy / batch.size());
    }

    /** One SGD-with-momentum step along the mean gradient {@code grad}. */
    final void descend(INDArray grad) {
        velocity.muli(config.momentum()).addi(grad);
        weights.subi(velocity.mul(config.learningRate()));
        steps++;
    }

    /**
     * Query cross-entropy of one task at {@code w}, with its gradient written into {@code gradOut}.
     *
     * @return {loss, query accuracy}
     */
    static double[] lossAndGradient(INDArray w, Task task, INDArray gradOut) {
        Examples s = task.support();
        Examples q = task.query();
        int ways = task.ways();
        INDArray means = meanMatrix(s.y(), ways);                  // [K, ns]
        INDArray zs = s.x().mmul(w);
        INDArray c = means.mmul(zs);                               // [K, e]
        INDArray zq = q.x().mmul(w);
        double[][] p = logits(zq, c).toDoubleMatrix();             // [nq, K], turned into softmax in place
        int[] labels = q.y().toIntVector();
        int nq = labels.length;
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < nq; i++) {
            loss += logSoftmaxInPlace(p[i], labels[i]);
            int best = 0;
            for (int k = 1; k < ways; k++) {
                best = p[i][k] > p[i][best] ? k : best;
            }
            correct += best == labels[i] ? 1 : 0;
            p[i][labels[i]] -= 1;
            for (int k = 0; k < ways; k++) {
                p[i][k] /= nq;
            }
        }
        INDArray g = Nd4j.create(p);                               // dLoss/dLogits
        INDArray dzq = g.mmul(c).muli(2);
        INDArray dc = g.transpose().mmul(zq).subi(c.mulColumnVector(g.sum(0).reshape(ways, 1))).muli(2);
        INDArray dzs = means.transpose().mmul(dc);
        gradOut.assign(q.x().transpose().mmul(dzq).addi(s.x().transpose().mmul(dzs)));
        return new double[]{loss / nq, (double) correct / nq};
    }

    /** {@code -||z_i - c_k||^2}. */
    static INDArray logits(INDArray z, INDArray c) {
        INDArray zz = z.mul(z).sum(1).reshape(z.rows(), 1);
        INDArray cc = c.mul(c).sum(1).reshape(1, c.rows());
        return z.mmul(c.transpose()).muli(2).subi(zz).subi(cc);
    }

    /** Replaces {@code row} by its softmax and returns {@code -log softmax(row)[label]}, stable for large logits. */
    private static double logSoftmaxInPlace(double[] row, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : row) {
            sum += Math.exp(v - max);
        }
        double logSum = Math.log(sum) + max;
        double nll = logSum - row[label];
        for (int k = 0; k < row.length; k++) {
            row[k] = Math.exp(row[k] - logSum);
        }
        return nll;
    }

    /** Row k averages the support examples of class k. */
    private static INDArray meanMatrix(INDArray labels, int ways) {
        int[] y = labels.toIntVector();
        double[] counts = new double[ways];
        for (int v : y) {
            counts[v]++;
        }
        INDArray m = Nd4j.zeros(DataType.DOUBLE, ways, y.length);
        for (int i = 0; i < y.length; i++) {
            m.putScalar(y[i], i, 1.0 / counts[y[i]]);
        }
        return m;
    }

    @Override
    public Adapter adapter() {
        INDArray w = weights.dup();
        return (support, type, ways) -> {
            INDArray c = meanMatrix(support.y(), ways).mmul(support.x().mmul(w));
            return x -> logits(x.castTo(DataType.DOUBLE).mmul(w), c);
        };
    }

    @Override
    public StateDict state() {
        return new StateDict().put("weights", weights).put("velocity", velocity).putLongs("steps", steps);
    }

    @Override
    public void load(StateDict state) {
        weights.assign(state.get("weights"));
        velocity.assign(state.get("velocity"));
        steps = state.getLongs("steps")[0];
    }

    @Override
    public StateDict backbone() {
        return new StateDict().put("weights", weights);
    }
}
