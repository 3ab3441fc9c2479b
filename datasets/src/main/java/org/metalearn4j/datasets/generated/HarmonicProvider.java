package org.metalearn4j.datasets.generated;

import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetProvider;

/** {@code harmonic}: a seeded generated regression task family (see {@link HarmonicConfig}). */
public final class HarmonicProvider implements DatasetProvider<HarmonicConfig> {

    @Override
    public String name() {
        return "harmonic";
    }

    @Override
    public String description() {
        return "Sum of a sinusoid and its second harmonic, random amplitudes, phases and frequency";
    }

    @Override
    public Class<HarmonicConfig> configType() {
        return HarmonicConfig.class;
    }

    @Override
    public HarmonicConfig defaults() {
        return new HarmonicConfig(0.1, 2.5, 0.0, Math.PI, 0.5, 2.0, -5.0, 5.0);
    }

    @Override
    public Dataset open(HarmonicConfig config) {
        return new GeneratedDataset(name(), new HarmonicFamily(config));
    }
}
