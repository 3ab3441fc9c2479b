package org.metalearn4j.datasets.generated;

import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;

/** {@code quadratic}: seeded random quadratics, a learned optimizer's first problem (see {@link QuadraticConfig}). */
public final class QuadraticProvider implements DatasetProvider<QuadraticConfig> {

    @Override
    public String name() {
        return "quadratic";
    }

    @Override
    public String description() {
        return "random quadratics mean_i (w_i . theta - y_i)^2 (Andrychowicz et al. 2016), as linear regression";
    }

    @Override
    public Class<QuadraticConfig> configType() {
        return QuadraticConfig.class;
    }

    @Override
    public QuadraticConfig defaults() {
        return new QuadraticConfig(10, QuadraticConfig.Distribution.UNIFORM, 1);
    }

    @Override
    public Dataset open(QuadraticConfig config) {
        return new QuadraticDataset(name(), config);
    }
}
