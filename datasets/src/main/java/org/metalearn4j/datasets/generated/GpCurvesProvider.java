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

    /** Length scale U[0.2, 0.6], output scale 1, no noise, x in [-2, 2], fixed episode sizes. */
    @Override
    public GpCurvesConfig defaults() {
        return new GpCurvesConfig(0.2, 0.6, 1.0, 1.0, 0.0, -2.0, 2.0, 0);
    }

    /**
     * The common 1-D neural-process protocol: length scale U[0.1, 0.6], output scale U[0.1, 1.0], noise std 2e-2,
     * x in [-2, 2], contexts of 3 up to the episode's shot (47 of 50 points with {@code shot: 47, query: 3}).
     */
    public static GpCurvesConfig npProtocol() {
        return new GpCurvesConfig(0.1, 0.6, 0.1, 1.0, 0.02, -2.0, 2.0, 3);
    }

    @Override
    public Dataset open(GpCurvesConfig config) {
        return new GeneratedDataset(name(), new GpCurvesFamily(config), config.minContext(), 0);
    }
}
