package org.metalearn4j.core.optim.provider;

import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.OptimizerProvider;
import org.metalearn4j.core.optim.OptimizerSetup;

/** {@code adam}: {@link Adam} with PyTorch's defaults. */
public final class AdamProvider implements OptimizerProvider<AdamSettings> {
    @Override
    public String name() {
        return "adam";
    }

    @Override
    public String description() {
        return "Adam (Kingma and Ba) with bias correction; betas 0.9, 0.999, eps 1e-8";
    }

    @Override
    public Class<AdamSettings> configType() {
        return AdamSettings.class;
    }

    @Override
    public AdamSettings defaults() {
        return new AdamSettings(0.9, 0.999, 1e-8, 0);
    }

    @Override
    public Optimizer create(AdamSettings config, OptimizerSetup setup) {
        return new Adam(new AdamConfig(setup.learningRate(), config.beta1(), config.beta2(), config.eps(),
                config.weightDecay(), setup.groups()));
    }
}
