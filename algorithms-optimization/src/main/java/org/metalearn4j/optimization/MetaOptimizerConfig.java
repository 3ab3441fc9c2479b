package org.metalearn4j.optimization;

import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.Sgd;
import org.metalearn4j.core.optim.SgdConfig;

/**
 * The outer-loop optimizer that applies the meta-gradient to the initialization (and learned step sizes).
 *
 * @param type         {@code adam} (PyTorch defaults for betas and eps) or {@code sgd} (plain)
 * @param learningRate its step size
 */
public record MetaOptimizerConfig(String type, double learningRate) {
    public MetaOptimizerConfig {
        if (!"adam".equals(type) && !"sgd".equals(type)) {
            throw new IllegalArgumentException("type: expected adam or sgd, got "
                    + (type == null ? "nothing" : "'" + type + "'"));
        }
        Checks.positive("learningRate", learningRate);
    }

    /** Adam with learning rate 1e-3, as in Finn et al. */
    public static MetaOptimizerConfig defaults() {
        return new MetaOptimizerConfig("adam", 1e-3);
    }

    /** A fresh optimizer with these settings. */
    public Optimizer create() {
        return "adam".equals(type) ? new Adam(AdamConfig.of(learningRate)) : new Sgd(SgdConfig.of(learningRate));
    }
}
