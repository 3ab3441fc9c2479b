package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation over axis 1 of {@code [N,C]} or {@code [N,C,H,W]} inputs, composed from differentiable ops so
 * that every derivative order (through the batch statistics too) is exact.
 */
public final class BatchNorm {
    private BatchNorm() {
    }

    /**
     * The normalised output and the batch statistics it used.
     *
     * @param mean     per-channel batch mean, shape {@code [C]}, detached
     * @param variance per-channel biased batch variance, shape {@code [C]}, detached
     */
    public record Result(Tensor output, INDArray mean, INDArray variance) {
    }

    /** Training mode: normalise with the statistics of this batch. */
    public static Result train(Tensor x, Tensor gamma, Tensor beta, double eps) {
        long[] channel = channelShape("batchNorm", x, gamma, beta);
        int[] axes = x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
        Tensor mean = x.mean(true, axes);
        Tensor centered = x.sub(mean);
        Tensor variance = centered.square().mean(true, axes);
        Tensor y = centered.mul(variance.add(eps).pow(-0.5).mul(gamma.reshape(channel))).add(beta.reshape(channel));
        long c = x.shape()[1];
        return new Result(y, mean.value().reshape(c).dup(), variance.value().reshape(c).dup());
    }

    /** Evaluation mode: normalise with fixed (running) statistics of shape {@code [C]}. */
    public static Tensor eval(Tensor x, Tensor gamma, Tensor beta, INDArray mean, INDArray variance, double eps) {
        long[] channel = channelShape("batchNorm", x, gamma, beta);
        Tensor scale = Tensor.constant(variance.add(eps).reshape(channel)).pow(-0.5).mul(gamma.reshape(channel));
        return x.sub(Tensor.constant(mean.reshape(channel))).mul(scale).add(beta.reshape(channel));
    }

    private static long[] channelShape(String op, Tensor x, Tensor gamma, Tensor beta) {
        if (x.rank() != 2 && x.rank() != 4) {
            throw ShapeException.of(op, "expected input of rank 2 [N,C] or 4 [N,C,H,W]", "input", x.shape());
        }
        long c = x.shape()[1];
        if (gamma.length() != c || gamma.rank() != 1) {
            throw ShapeException.of(op, "weight must have shape [C] with C = input axis 1", "input", x.shape(),
                    "weight", gamma.shape());
        }
        if (beta.length() != c || beta.rank() != 1) {
            throw ShapeException.of(op, "bias must have shape [C] with C = input axis 1", "input", x.shape(),
                    "bias", beta.shape());
        }
        return x.rank() == 4 ? new long[] {1, c, 1, 1} : new long[] {1, c};
    }
}
