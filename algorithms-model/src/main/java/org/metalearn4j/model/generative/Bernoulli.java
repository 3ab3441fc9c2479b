package org.metalearn4j.model.generative;

import org.metalearn4j.core.tensor.Tensor;

/** The Bernoulli likelihood of pixel values given logits, the output distribution of the image generators here. */
public final class Bernoulli {
    private Bernoulli() {
    }

    /**
     * {@code log p(x | logits) = x * l - softplus(l)} per element (not summed), broadcasting like arithmetic; exact
     * for binary {@code x}, the negative binary cross-entropy for targets in {@code [0, 1]}.
     */
    public static Tensor logLikelihood(Tensor logits, Tensor x) {
        return x.mul(logits).sub(logits.softplus());
    }
}
