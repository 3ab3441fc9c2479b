package org.metalearn4j.core.train;

/**
 * The mean of a per-episode metric over a fixed episode set.
 *
 * @param metric   {@code accuracy} (classification) or {@code mse} (regression)
 * @param value    mean over episodes
 * @param ci95     half-width of the 95% confidence interval, {@code 1.96 * s / sqrt(n)} with the sample standard
 *                 deviation {@code s} (0 for a single episode)
 * @param episodes number of episodes {@code n}
 */
public record EvalResult(String metric, double value, double ci95, int episodes) {

    /** The mean of per-episode {@code values} with its 95% CI, as defined above; fails on an empty array. */
    public static EvalResult of(String metric, double[] values) {
        int n = values.length;
        if (n < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + n);
        }
        double sum = 0;
        double sumSq = 0;
        for (double v : values) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0;
        return new EvalResult(metric, mean, 1.96 * Math.sqrt(variance / n), n);
    }
}
