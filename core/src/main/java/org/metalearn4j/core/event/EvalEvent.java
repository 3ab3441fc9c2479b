package org.metalearn4j.core.event;

/**
 * An evaluation over a fixed episode set finished.
 *
 * @param iteration  iterations completed when it was taken
 * @param split      data set split of the episodes
 * @param metricName {@code accuracy} or {@code mse}
 * @param value      mean over episodes
 * @param ci95       half-width of the 95% confidence interval, {@code 1.96 * std / sqrt(episodes)}
 * @param episodes   number of episodes
 */
public record EvalEvent(int iteration, String split, String metricName, double value, double ci95, int episodes) {
}
