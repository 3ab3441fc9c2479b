package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;

/** {@code y = A sin(w x + phase) + eps}, {@code eps ~ N(0, (noise A)^2)}; descriptor {@code [A, phase]}. */
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
        double frequency = Ranges.uniform(random, config.frequencyMin(), config.frequencyMax());
        double sd = config.noise() * amplitude;
        for (int i = 0; i < x.length; i++) {
            double xi = Ranges.uniform(random, config.xMin(), config.xMax());
            x[i] = (float) xi;
            double noise = sd == 0 ? 0 : sd * Ranges.gaussian(random);
            y[i] = (float) (amplitude * Math.sin(frequency * xi + phase) + noise);
        }
        return new double[] {amplitude, phase};
    }
}
