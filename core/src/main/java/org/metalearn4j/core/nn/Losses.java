package org.metalearn4j.core.nn;

import java.util.Arrays;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Losses on batches ({@link Accuracy} is the metric). */
public final class Losses {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private Losses() {
    }

    /** Mean cross-entropy of {@code logits [N, C]} against integer class {@code labels} (length N, in [0, C)). */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        return logits.logSoftmax(1).mul(Tensor.constant(oneHot(logits, labels, "crossEntropy"))).sum()
                .mul(-1.0 / labels.length);
    }

    /** Mean squared error; {@code prediction} and {@code target} must have the same shape. */
    public static Tensor mse(Tensor prediction, Tensor target) {
        if (!Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("mse: prediction has shape " + Arrays.toString(prediction.shape())
                    + ", target has shape " + Arrays.toString(target.shape()));
        }
        return prediction.sub(target).meanSquare();
    }

    /**
     * Mean over all entries of {@code log N(target | mean, std^2)}, in nats: the log-likelihood of regression targets
     * under independent Gaussians, differentiable in {@code mean} and {@code std} (all three of one shape).
     */
    public static Tensor gaussianLogLikelihood(Tensor mean, Tensor std, Tensor target) {
        return gaussianLogDensity(mean, std, target).mean();
    }

    /**
     * {@code log N(target | mean, std^2)} of every entry, in nats, for weighting or masking before averaging (all three
     * of one shape).
     */
    public static Tensor gaussianLogDensity(Tensor mean, Tensor std, Tensor target) {
        if (!Arrays.equals(mean.shape(), std.shape()) || !Arrays.equals(mean.shape(), target.shape())) {
            throw new IllegalArgumentException("gaussianLogLikelihood: mean " + Arrays.toString(mean.shape())
                    + ", std " + Arrays.toString(std.shape()) + " and target " + Arrays.toString(target.shape())
                    + " must have one shape");
        }
        Tensor z = target.sub(mean).div(std);
        return z.square().mul(-0.5).sub(std.log()).sub(HALF_LOG_TWO_PI);
    }

    private static INDArray oneHot(Tensor logits, int[] labels, String op) {
        if (logits.rank() != 2 || logits.shape()[0] != labels.length) {
            throw new IllegalArgumentException(op + ": logits must be [N, C] with N = " + labels.length
                    + " labels, got " + Arrays.toString(logits.shape()));
        }
        long classes = logits.shape()[1];
        INDArray oneHot = Nd4j.zeros(logits.dataType(), labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(op + ": label " + labels[i] + " at index " + i
                        + " is outside [0, " + classes + ")");
            }
            oneHot.putScalar(i, labels[i], 1.0);
        }
        return oneHot;
    }
}
