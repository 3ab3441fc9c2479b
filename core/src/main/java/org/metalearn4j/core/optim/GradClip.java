package org.metalearn4j.core.optim;

import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/** Gradient-norm clipping over all gradients together (PyTorch's clip_grad_norm_, without mutating its input). */
public final class GradClip {
    private GradClip() {
    }

    /** The L2 norm of all gradients concatenated. */
    public static double globalNorm(Params grads) {
        double sq = 0;
        for (Tensor g : grads.tensors()) {
            double n = g.value().norm2Number().doubleValue();
            sq += n * n;
        }
        return Math.sqrt(sq);
    }

    /** {@code grads} scaled by {@code maxNorm / norm} when their global norm exceeds {@code maxNorm}, else as is. */
    public static Params clipByGlobalNorm(Params grads, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipByGlobalNorm: maxNorm must be > 0, got " + maxNorm);
        }
        double norm = globalNorm(grads);
        if (!(norm > maxNorm)) {
            return grads;
        }
        double scale = maxNorm / (norm + 1e-6);
        return grads.map(g -> g.mul(scale));
    }
}
