package org.metalearn4j.datasets.generated;

import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;

/** {@code sinusoid}: a seeded generated regression task family (see {@link SinusoidConfig}). */
public final class SinusoidProvider implements DatasetProvider<SinusoidConfig> {

    @Override
    public String name() {
        return "sinusoid";
    }

    @Override
    public String description() {
        return "Sinusoid regression (MAML): A~U[0.1,5], phase~U[0,pi], x~U[-5,5]; frequency, noise and a finite"
                + " training set as options (Bayesian MAML)";
    }

    @Override
    public Class<SinusoidConfig> configType() {
        return SinusoidConfig.class;
    }

    @Override
    public SinusoidConfig defaults() {
        return new SinusoidConfig(0.1, 5.0, 0.0, Math.PI, -5.0, 5.0, 1.0, 1.0, 0.0, 0);
    }

    @Override
    public Dataset open(SinusoidConfig config) {
        return new GeneratedDataset(name(), new SinusoidFamily(config), 0, config.trainTasks());
    }
}
