package org.metalearn4j.datasets.generated;

import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;

/** {@code gp-curves}: a seeded generated regression task family (see {@link GpCurvesConfig}). */
public final class GpCurvesProvider implements DatasetProvider<GpCurvesConfig> {

    @Override
    public String name() {
        return "gp-curves";
    }

    @Override
    public String description() {
        return "1-D Gaussian-process curves (RBF kernel) for neural processes";
    }

    @Override
    public Class<GpCurvesConfig> configType() {
        return GpCurvesConfig.class;
    }

    @Override
    public GpCurvesConfig defaults() {
        return new GpCurvesConfig(0.2, 0.6, 1.0, 0.0, -2.0, 2.0);
    }

    @Override
    public Dataset open(GpCurvesConfig config) {
        return new GeneratedDataset(name(), new GpCurvesFamily(config));
    }
}
