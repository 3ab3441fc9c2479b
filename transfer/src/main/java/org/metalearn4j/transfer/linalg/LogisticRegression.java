package org.metalearn4j.transfer.linalg;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary logistic regression with an L2 penalty on the weights (not the bias), fitted by Newton's method with step
 * halving. Targets may be soft (any value in [0, 1]) and examples may carry weights. Inputs are standardised
 * internally, so the penalty means the same for any feature scale.
 *
 * <p>Objective: {@code sum_i w_i CE(t_i, sigmoid(x_i.beta + b)) / sum_i w_i + l2/2 ||beta||^2}. Newton converges in a
 * handful of iterations for the small feature dimensions used here (the Hessian is {@code [d+1, d+1]}).
 */
public final class LogisticRegression {
    private static final int MAX_ITERATIONS = 30;
    private static final double TOLERANCE = 1e-6;
    /** Probability floor for constant targets, whose unpenalised bias would otherwise diverge. */
    private static final double CONSTANT_EPS = 1e-4;

    private LogisticRegression() {
    }

    /**
     * A fitted classifier.
     *
     * @param scaler  the standardisation learned on the training inputs
     * @param weights [d] weights on standardised inputs
     * @param bias    intercept
     */
    public record Model(Standardizer scaler, INDArray weights, double bias) {
        /** {@code p(t=1|x)} for each row of {@code x}, as a float64 vector [n]. */
        public INDArray probabilities(INDArray x) {
            return Transforms.sigmoid(logits(x), false);
        }

        /** {@code x.beta + b} on standardised inputs, [n]. */
        public INDArray logits(INDArray x) {
            return scaler.apply(x).mmul(weights.reshape(-1, 1)).reshape(-1).addi(bias);
        }
    }

    /**
     * Fits {@code p(t=1|x)}.
     *
     * @param x             [n, d] inputs
     * @param targets       [n] targets in [0, 1]
     * @param sampleWeights [n] non-negative example weights, or {@code null} for all ones
     * @param l2            penalty on the weights, > 0 keeps the problem strictly convex even for separable data
     */
    public static Model fit(INDArray x, INDArray targets, INDArray sampleWeights, double l2) {
        if (x.rank() != 2 || targets.length() != x.rows()) {
            throw new IllegalArgumentException("logistic regression needs x [n,d] and targets [n], got x "
                    + Arrays.toString(x.shape()) + " targets " + Arrays.toString(targets.shape()));
        }
        if (!(l2 > 0)) {
            throw new IllegalArgumentException("l2 must be > 0, got " + l2);
        }
        Standardizer scaler = Standardizer.fit(x);
        int n = x.rows();
        int d = x.columns();
        double tMin = targets.minNumber().doubleValue();
        if (tMin == targets.maxNumber().doubleValue()) {
            // Nothing to discriminate (e.g. an attribute no training class has): the penalised optimum has zero
            // weights and an infinite bias; a clipped constant probability is the useful finite answer.
            double p = Math.min(Math.max(tMin, CONSTANT_EPS), 1 - CONSTANT_EPS);
            return new Model(scaler, Nd4j.zeros(DataType.DOUBLE, d), Math.log(p / (1 - p)));
        }
        // Bias as an extra all-ones column; it is left out of the penalty through the mask.
        INDArray xa = Nd4j.hstack(scaler.apply(x), Nd4j.ones(DataType.DOUBLE, n, 1));
        INDArray t = targets.castTo(DataType.DOUBLE).reshape(n, 1);
        INDArray w = sampleWeights == null ? Nd4j.ones(DataType.DOUBLE, n, 1)
                : sampleWeights.castTo(DataType.DOUBLE).reshape(n, 1);
        w = w.div(w.sumNumber().doubleValue());
        INDArray penalty = Nd4j.ones(DataType.DOUBLE, d + 1, 1).muli(l2);
        penalty.putScalar(d, 0, 0.0);
        INDArray beta = Nd4j.zeros(DataType.DOUBLE, d + 1, 1);
        double loss = loss(xa, t, w, beta, penalty);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            INDArray p = Transforms.sigmoid(xa.mmul(beta), false);
            INDArray grad = xa.transpose().mmul(p.sub(t).muli(w)).addi(penalty.mul(beta));
            INDArray curvature = p.mul(p.rsub(1.0)).muli(w);
            INDArray hessian = xa.transpose().mmul(xa.mul(curvature));
            hessian.addi(Nd4j.diag(penalty.reshape(-1)));
            // A tiny ridge keeps the bias row invertible when every weight underflows (perfectly fitted targets).
            INDArray step = Solve.ridge(hessian, 1e-12, grad);
            double scale = 1.0;
            INDArray next = beta.sub(step);
            double nextLoss = loss(xa, t, w, next, penalty);
            while (nextLoss > loss && scale > 1e-6) {
                scale *= 0.5;
                next = beta.sub(step.mul(scale));
                nextLoss = loss(xa, t, w, next, penalty);
            }
            double change = Transforms.abs(next.sub(beta)).maxNumber().doubleValue();
            beta = next;
            loss = nextLoss;
            if (change < TOLERANCE) {
                break;
            }
        }
        return new Model(scaler, beta.get(NDArrayIndex.interval(0, d), NDArrayIndex.point(0)).dup(),
                beta.getDouble(d, 0));
    }

    private static double loss(INDArray xa, INDArray t, INDArray w, INDArray beta, INDArray penalty) {
        INDArray z = xa.mmul(beta);
        // CE(t, sigmoid(z)) = softplus(z) - t z, written stably.
        INDArray softplus = Transforms.log(Transforms.exp(Transforms.abs(z, true).negi(), false).addi(1.0), false)
                .addi(Transforms.relu(z, true));
        double ce = softplus.subi(t.mul(z)).muli(w).sumNumber().doubleValue();
        return ce + 0.5 * penalty.mul(beta).mul(beta).sumNumber().doubleValue();
    }
}
