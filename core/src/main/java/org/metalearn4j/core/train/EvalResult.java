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
}
