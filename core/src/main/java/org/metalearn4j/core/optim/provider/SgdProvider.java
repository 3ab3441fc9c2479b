package org.metalearn4j.core.optim.provider;

import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.OptimizerProvider;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.optim.Sgd;
import org.metalearn4j.core.optim.SgdConfig;

/** {@code sgd}: {@link Sgd}, plain or with (Nesterov) momentum. */
public final class SgdProvider implements OptimizerProvider<SgdSettings> {
    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public String description() {
        return "stochastic gradient descent, optionally with (Nesterov) momentum";
    }

    @Override
    public Class<SgdSettings> configType() {
        return SgdSettings.class;
    }

    @Override
    public SgdSettings defaults() {
        return new SgdSettings(0, false, 0);
    }

    @Override
    public Optimizer create(SgdSettings config, OptimizerSetup setup) {
        return new Sgd(new SgdConfig(setup.learningRate(), config.momentum(), config.weightDecay(), config.nesterov(),
                setup.groups()));
    }
}
