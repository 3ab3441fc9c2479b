package org.metalearn4j.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An evaluation over a fixed episode set finished.
 *
 * @param iteration  iterations completed when it was taken
 * @param split      data set split of the episodes
 * @param metricName {@code accuracy} or {@code mse}
 * @param value      mean over episodes
 * @param ci95       half-width of the 95% confidence interval, {@code 1.96 * std / sqrt(episodes)}
 * @param episodes   number of episodes
 * @param secondary  further metrics over the same episodes and their CI half-widths, e.g. {@code logLikelihood} and
 *                   {@code logLikelihood.ci95} ({@link org.metalearn4j.core.train.EvalResult#secondaryValues()})
 */
public record EvalEvent(int iteration, String split, String metricName, double value, double ci95, int episodes,
                        Map<String, Double> secondary) {
    public EvalEvent {
        // null when an older node's JSON (without the field) is decoded
        secondary = secondary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /** An evaluation with the main metric only. */
    public EvalEvent(int iteration, String split, String metricName, double value, double ci95, int episodes) {
        this(iteration, split, metricName, value, ci95, episodes, Map.of());
    }
}
