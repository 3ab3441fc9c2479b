package org.metalearn4j.examples;

/**
 * A mean with the half-width of its 95% confidence interval, from independent values: Student's t quantile for
 * fewer than 31 values (three seeds: 4.30 standard errors), the normal 1.96 above.
 *
 * @param mean the mean
 * @param ci95 the half-width of the 95% interval
 * @param n    how many values
 */
public record MeanInterval(double mean, double ci95, int n) {
    /** Two-sided 97.5% quantiles of Student's t with 1..30 degrees of freedom. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /** The mean of {@code values} and its interval; one value has an interval of 0 (unknown spread). */
    public static MeanInterval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values to average");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new MeanInterval(mean, 0, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1) / n);
        double t = n - 1 <= T975.length ? T975[n - 2] : 1.96;
        return new MeanInterval(mean, t * standardError, n);
    }

    /** Pairwise differences {@code a[i] - b[i]}. */
    public static double[] differences(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values: " + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
