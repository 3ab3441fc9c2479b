package org.metalearn4j.model.generative;

import org.metalearn4j.core.tensor.Tensor;

/**
 * A normal distribution with a diagonal covariance over the last axis, written as a network outputs it: mean and log
 * variance, both differentiable. The log variance is squashed into {@code (-BOUND, BOUND)} so that an early large
 * output cannot overflow {@code exp}; standard deviations stay within {@code [0.05, 20]}.
 *
 * @param mean   the means
 * @param logVar the log variances, already bounded
 */
public record DiagonalGaussian(Tensor mean, Tensor logVar) {
    /** Bound of the log variance. */
    public static final double BOUND = 6;

    /** The distribution a layer with {@code 2d} outputs describes: means first, then unbounded log variances. */
    public static DiagonalGaussian of(Tensor output) {
        int last = output.rank() - 1;
        long d = output.shape()[last] / 2;
        if (d < 1 || output.shape()[last] != 2 * d) {
            throw new IllegalArgumentException("DiagonalGaussian: the last axis must hold means and log variances"
                    + " (even width >= 2), got " + java.util.Arrays.toString(output.shape()));
        }
        Tensor raw = output.slice(last, d, 2 * d);
        return new DiagonalGaussian(output.slice(last, 0, d), raw.div(BOUND).tanh().mul(BOUND));
    }

    /** Standard deviations. */
    public Tensor std() {
        return logVar.mul(0.5).exp();
    }

    /** A draw by the reparameterization {@code mean + std * eps}, differentiable in mean and variance. */
    public Tensor sample(Tensor eps) {
        return mean.add(std().mul(eps));
    }

    /**
     * {@code KL(this || other)} per dimension (not summed), broadcasting like arithmetic:
     * {@code (logVar_o - logVar + (var + (mean - mean_o)^2) / var_o - 1) / 2}.
     */
    public Tensor kl(DiagonalGaussian other) {
        Tensor squared = mean.sub(other.mean).square();
        return other.logVar.sub(logVar).add(logVar.exp().add(squared).div(other.logVar.exp())).sub(1.0).mul(0.5);
    }
}
