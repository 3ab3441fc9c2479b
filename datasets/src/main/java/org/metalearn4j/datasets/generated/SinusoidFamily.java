package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;

/** {@code y = A sin(x + phase)}. */
public final class SinusoidFamily implements RegressionFamily {
    private final SinusoidConfig config;

    /** @throws org.metalearn4j.core.spi.ConfigException naming the field of an inverted or non-finite range */
    public SinusoidFamily(SinusoidConfig config) {
        Ranges.check(config.amplitudeMin(), config.amplitudeMax(), "amplitudeMin", "amplitudeMax");
        Ranges.check(config.phaseMin(), config.phaseMax(), "phaseMin", "phaseMax");
        Ranges.check(config.xMin(), config.xMax(), "xMin", "xMax");
        this.config = config;
    }

    @Override
    public void sample(SplittableRandom random, float[] x, float[] y) {
        double amplitude = Ranges.uniform(random, config.amplitudeMin(), config.amplitudeMax());
        double phase = Ranges.uniform(random, config.phaseMin(), config.phaseMax());
        for (int i = 0; i < x.length; i++) {
            double xi = Ranges.uniform(random, config.xMin(), config.xMax());
            x[i] = (float) xi;
            y[i] = (float) (amplitude * Math.sin(xi + phase));
        }
    }
}
