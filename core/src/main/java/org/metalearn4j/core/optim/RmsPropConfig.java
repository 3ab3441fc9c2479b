package org.metalearn4j.core.optim;

import java.util.List;

/**
 * RMSprop settings (PyTorch semantics: {@code v = alpha v + (1 - alpha) g^2}, {@code p -= lr g / (sqrt(v) + eps)});
 * weight decay is L2 added to the gradient.
 */
public record RmsPropConfig(double learningRate, double alpha, double eps, double weightDecay,
                            List<ParamGroup> groups) {
    public RmsPropConfig {
        if (!(learningRate >= 0) || !(alpha >= 0 && alpha < 1) || !(eps > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("RmsPropConfig: need learningRate >= 0, alpha in [0,1), eps > 0,"
                    + " weightDecay >= 0, got " + learningRate + ", " + alpha + ", " + eps + ", " + weightDecay);
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** alpha 0.99, eps 1e-8 (PyTorch's defaults), no weight decay. */
    public static RmsPropConfig of(double learningRate) {
        return new RmsPropConfig(learningRate, 0.99, 1e-8, 0, List.of());
    }
}
