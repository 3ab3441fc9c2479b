package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;

/** {@code y = A sin(x + phase)}; descriptor {@code [A, phase]}. */
public final class SinusoidFamily implements RegressionFamily {
    private final SinusoidConfig config;

    /** A family drawing from {@code config}'s ranges, which its record has already checked. */
    public SinusoidFamily(SinusoidConfig config) {
        this.config = config;
    }

    @Override
    public double[] sample(SplittableRandom random, float[] x, float[] y) {
        double amplitude = Ranges.uniform(random, config.amplitudeMin(), config.amplitudeMax());
        double phase = Ranges.uniform(random, config.phaseMin(), config.phaseMax());
        for (int i = 0; i < x.length; i++) {
            double xi = Ranges.uniform(random, config.xMin(), config.xMax());
            x[i] = (float) xi;
            y[i] = (float) (amplitude * Math.sin(xi + phase));
        }
        return new double[] {amplitude, phase};
    }
}
