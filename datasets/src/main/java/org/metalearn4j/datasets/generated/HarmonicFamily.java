package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;

/** {@code y = a1 sin(w x + b1) + a2 sin(2 w x + b2)}; descriptor {@code [a1, a2, b1, b2, w]}. */
public final class HarmonicFamily implements RegressionFamily {
    private final HarmonicConfig config;

    /** A family drawing from {@code config}'s ranges, which its record has already checked. */
    public HarmonicFamily(HarmonicConfig config) {
        this.config = config;
    }

    @Override
    public double[] sample(SplittableRandom random, float[] x, float[] y) {
        double a1 = Ranges.uniform(random, config.amplitudeMin(), config.amplitudeMax());
        double a2 = Ranges.uniform(random, config.amplitudeMin(), config.amplitudeMax());
        double b1 = Ranges.uniform(random, config.phaseMin(), config.phaseMax());
        double b2 = Ranges.uniform(random, config.phaseMin(), config.phaseMax());
        double w = Ranges.uniform(random, config.frequencyMin(), config.frequencyMax());
        for (int i = 0; i < x.length; i++) {
            double xi = Ranges.uniform(random, config.xMin(), config.xMax());
            x[i] = (float) xi;
            y[i] = (float) (a1 * Math.sin(w * xi + b1) + a2 * Math.sin(2 * w * xi + b2));
        }
        return new double[] {a1, a2, b1, b2, w};
    }
}
