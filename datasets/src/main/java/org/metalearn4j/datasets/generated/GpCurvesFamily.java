package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;
import org.metalearn4j.core.linalg.Cholesky;

/**
 * Draws GP curves exactly: builds the kernel matrix of the task's inputs plus the observation noise, takes its Cholesky
 * factor L in double precision and returns {@code y = L z} with standard normal z (O(n^3), fine for the tens to
 * hundreds of points of a task). A jitter of {@value #JITTER} on the diagonal keeps the factorisation stable when
 * inputs nearly coincide. Descriptor: {@code [lengthScale, signalStd]}, the kernel the task was drawn from, which the
 * exact posterior ({@link GpOracle}) needs.
 */
public final class GpCurvesFamily implements RegressionFamily {
    /** Added to the noise variance on the kernel's diagonal, in drawing the curves and in their exact posterior. */
    static final double JITTER = 1e-6;
    private final GpCurvesConfig config;

    /** A family drawing from {@code config}'s ranges, which its record has already checked. */
    public GpCurvesFamily(GpCurvesConfig config) {
        this.config = config;
    }

    @Override
    public double[] sample(SplittableRandom random, float[] x, float[] y) {
        int n = x.length;
        double lengthScale = Ranges.uniform(random, config.lengthScaleMin(), config.lengthScaleMax());
        double signalStd = Ranges.uniform(random, config.signalStdMin(), config.signalStdMax());
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Ranges.uniform(random, config.xMin(), config.xMax());
            x[i] = (float) xs[i];
        }
        RbfKernel kernel = new RbfKernel(lengthScale, signalStd * signalStd);
        double noise = config.noiseStd() * config.noiseStd();
        Cholesky l = Cholesky.withFloor(kernel.matrix(xs, noise + JITTER), n, JITTER);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        double[] values = l.multiplyLower(z);
        for (int i = 0; i < n; i++) {
            y[i] = (float) values[i];
        }
        return new double[] {lengthScale, signalStd};
    }
}
