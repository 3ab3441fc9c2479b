package org.metalearn4j.core.train;

/**
 * How a {@link MetaTrainingLoop#run} ended.
 *
 * @param iteration      iterations completed (those of earlier runs included)
 * @param interrupted    whether the stop request ended it early
 * @param lastLoss       the last step's loss, also when it ran before a resume ({@code NaN} if none is known)
 * @param recentLoss     mean loss over the last {@value MetaTrainingLoop#RECENT} steps, resumed runs included
 * @param recentMetric   mean step metric over the same steps
 * @param evaluation     the last evaluation, or null if none ran
 * @param checkpoint     the last checkpoint written, or null
 * @param seconds        wall time of this run
 * @param trainSeconds   time spent in training steps alone
 */
public record LoopResult(int iteration, boolean interrupted, double lastLoss, double recentLoss, double recentMetric,
                         EvalResult evaluation, String checkpoint, double seconds, double trainSeconds) {
}
