package org.metalearn4j.datasets.generated;

/**
 * The squared-exponential kernel {@code k(a, b) = variance exp(-(a - b)^2 / (2 lengthScale^2))} of {@code gp-curves},
 * with its covariance matrices in float64: one definition for drawing the curves and for their exact posterior.
 *
 * @param lengthScale the length scale, > 0
 * @param variance    the signal variance (output scale squared)
 */
public record RbfKernel(double lengthScale, double variance) {

    /** {@code k(a, b)}. */
    public double at(double a, double b) {
        double d = a - b;
        return variance * Math.exp(-d * d / (2 * lengthScale * lengthScale));
    }

    /** The row-major matrix {@code k(xs[i], xs[j]) + diagonal * [i == j]} (lower triangle filled, upper as well). */
    public double[] matrix(double[] xs, double diagonal) {
        int n = xs.length;
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = at(xs[i], xs[j]);
                if (i == j) {
                    v += diagonal;
                }
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }
        return k;
    }
}
