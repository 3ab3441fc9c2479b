package org.metalearn4j.model.np;

import org.metalearn4j.core.tensor.Tensor;

/**
 * Independent Gaussians with differentiable means and standard deviations of one shape.
 *
 * @param mean the means
 * @param std  the standard deviations, > 0
 */
record Gaussian(Tensor mean, Tensor std) {

    /** {@code KL(this || other)}, summed over all entries. */
    Tensor kl(Gaussian other) {
        Tensor ratio = std.div(other.std);
        Tensor shift = mean.sub(other.mean).div(other.std);
        return ratio.square().add(shift.square()).sub(1.0).mul(0.5).sub(ratio.log()).sum();
    }

    /** {@code mean + std * noise}: a reparameterised sample for standard normal {@code noise}. */
    Tensor sample(Tensor noise) {
        return mean.add(std.mul(noise));
    }
}
