package org.metalearn4j.core.optim.provider;

import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.OptimizerProvider;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.optim.RmsProp;
import org.metalearn4j.core.optim.RmsPropConfig;

/** {@code rmsprop}: {@link RmsProp} with PyTorch's defaults. */
public final class RmsPropProvider implements OptimizerProvider<RmsPropSettings> {
    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public String description() {
        return "RMSprop (Tieleman and Hinton); alpha 0.99, eps 1e-8";
    }

    @Override
    public Class<RmsPropSettings> configType() {
        return RmsPropSettings.class;
    }

    @Override
    public RmsPropSettings defaults() {
        return new RmsPropSettings(0.99, 1e-8, 0);
    }

    @Override
    public Optimizer create(RmsPropSettings config, OptimizerSetup setup) {
        return new RmsProp(new RmsPropConfig(setup.learningRate(), config.alpha(), config.eps(), config.weightDecay(),
                setup.groups()));
    }
}
