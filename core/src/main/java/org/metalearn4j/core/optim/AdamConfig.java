package org.metalearn4j.core.optim;

import java.util.List;

/** Adam settings (PyTorch defaults via {@link #of}); weight decay is L2 added to the gradient. */
public record AdamConfig(double learningRate, double beta1, double beta2, double eps, double weightDecay,
                         List<ParamGroup> groups) {
    public AdamConfig {
        if (!(learningRate >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0)
                || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("AdamConfig: need learningRate >= 0, betas in [0,1), eps > 0,"
                    + " weightDecay >= 0, got " + learningRate + ", " + beta1 + ", " + beta2 + ", " + eps + ", "
                    + weightDecay);
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public static AdamConfig of(double learningRate) {
        return new AdamConfig(learningRate, 0.9, 0.999, 1e-8, 0, List.of());
    }
}
