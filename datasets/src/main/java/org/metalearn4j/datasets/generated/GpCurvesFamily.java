package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;

/**
 * Draws GP curves exactly: builds the kernel matrix of the task's inputs, takes its Cholesky factor L in double
 * precision and returns {@code y = L z} with standard normal z (O(n^3), fine for the tens to hundreds of points of a
 * task). A jitter of 1e-6 on the diagonal keeps the factorisation stable when inputs nearly coincide.
 */
public final class GpCurvesFamily implements RegressionFamily {
    private static final double JITTER = 1e-6;
    private final GpCurvesConfig config;

    /** A family drawing from {@code config}'s ranges, which its record has already checked. */
    public GpCurvesFamily(GpCurvesConfig config) {
        this.config = config;
    }

    @Override
    public void sample(SplittableRandom random, float[] x, float[] y) {
        int n = x.length;
        double lengthScale = Ranges.uniform(random, config.lengthScaleMin(), config.lengthScaleMax());
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Ranges.uniform(random, config.xMin(), config.xMax());
            x[i] = (float) xs[i];
        }
        double variance = config.signalStd() * config.signalStd();
        double noise = config.noiseStd() * config.noiseStd();
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double d = xs[i] - xs[j];
                double k = variance * Math.exp(-d * d / (2 * lengthScale * lengthScale));
                if (i == j) {
                    k += noise + JITTER;
                }
                for (int m = 0; m < j; m++) {
                    k -= l[i * n + m] * l[j * n + m];
                }
                l[i * n + j] = i == j ? Math.sqrt(Math.max(k, JITTER)) : k / l[j * n + j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int m = 0; m <= i; m++) {
                sum += l[i * n + m] * z[m];
            }
            y[i] = (float) sum;
        }
    }
}
