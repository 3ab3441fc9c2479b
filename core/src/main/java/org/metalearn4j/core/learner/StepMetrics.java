package org.metalearn4j.core.learner;

import java.util.Map;

/**
 * What one meta-training step reports.
 *
 * @param loss   mean query loss over the meta-batch
 * @param metric accuracy (classification) or MSE (regression) on the query sets, {@code NaN} if not computed
 * @param extras learner-specific scalars (e.g. inner-loop loss, gradient norm), in a stable order
 */
public record StepMetrics(double loss, double metric, Map<String, Double> extras) {
    public StepMetrics {
        extras = Map.copyOf(extras);
    }

    public static StepMetrics of(double loss, double metric) {
        return new StepMetrics(loss, metric, Map.of());
    }
}
