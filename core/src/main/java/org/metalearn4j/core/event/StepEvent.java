package org.metalearn4j.core.event;

import java.util.Map;

/**
 * One meta-training iteration finished.
 *
 * @param iteration      iterations completed so far (1 after the first step)
 * @param iterations     iterations the run will reach
 * @param loss           mean query loss of the meta-batch
 * @param metric         training accuracy or MSE on the meta-batch's query sets ({@code NaN} if not computed)
 * @param metricName     {@code accuracy} or {@code mse}
 * @param extras         learner-specific scalars
 * @param elapsedSeconds wall time since this process started training
 * @param stepSeconds    wall time of this step alone (sampling the meta-batch and updating the learner)
 */
public record StepEvent(int iteration, int iterations, double loss, double metric, String metricName,
                        Map<String, Double> extras, double elapsedSeconds, double stepSeconds) {
    public StepEvent {
        extras = Map.copyOf(extras);
    }
}
