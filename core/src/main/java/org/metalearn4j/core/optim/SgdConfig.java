package org.metalearn4j.core.optim;

import java.util.List;

/**
 * Stochastic gradient descent settings (PyTorch semantics: weight decay is added to the gradient, momentum buffer
 * {@code b = momentum * b + g}, Nesterov uses {@code g + momentum * b}).
 */
public record SgdConfig(double learningRate, double momentum, double weightDecay, boolean nesterov,
                        List<ParamGroup> groups) {
    public SgdConfig {
        if (!(learningRate >= 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("SgdConfig: need learningRate >= 0, momentum in [0,1), weightDecay"
                    + " >= 0, got " + learningRate + ", " + momentum + ", " + weightDecay);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("SgdConfig: nesterov needs momentum > 0");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Plain SGD. */
    public static SgdConfig of(double learningRate) {
        return new SgdConfig(learningRate, 0, 0, false, List.of());
    }
}
