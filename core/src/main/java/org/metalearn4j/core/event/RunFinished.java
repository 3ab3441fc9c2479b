package org.metalearn4j.core.event;

/**
 * A training run ended, normally or because it was interrupted (after writing a checkpoint).
 *
 * @param runDir      the run directory
 * @param iteration   iterations completed
 * @param iterations  iterations the run was to reach
 * @param loss        the last step's loss
 * @param metricName  {@code accuracy} or {@code mse}
 * @param value       final evaluation mean ({@code NaN} if interrupted before evaluating)
 * @param ci95        its 95% confidence half-width
 * @param episodes    evaluation episodes
 * @param seconds     wall time of this process's training
 * @param checkpoint  the last checkpoint written
 * @param interrupted whether the run stopped early on request
 */
public record RunFinished(String runDir, int iteration, int iterations, double loss, String metricName, double value,
                          double ci95, int episodes, double seconds, String checkpoint, boolean interrupted) {
}
