package org.metalearn4j.model.np;

import org.metalearn4j.core.tensor.Tensor;

/**
 * Independent Gaussians with differentiable means and standard deviations of one shape, the first axis indexing tasks.
 *
 * @param mean the means
 * @param std  the standard deviations, > 0
 */
record Gaussian(Tensor mean, Tensor std) {

    /** {@code KL(this || other)} of each task {@code [B]}: summed over every axis but the first. */
    Tensor kl(Gaussian other) {
        Tensor ratio = std.div(other.std);
        Tensor shift = mean.sub(other.mean).div(other.std);
        Tensor entries = ratio.square().add(shift.square()).sub(1.0).mul(0.5).sub(ratio.log());
        int[] axes = new int[entries.rank() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return entries.sum(false, axes);
    }

    /** {@code mean + std * noise}: a reparameterised sample for standard normal {@code noise}. */
    Tensor sample(Tensor noise) {
        return mean.add(std.mul(noise));
    }
}
