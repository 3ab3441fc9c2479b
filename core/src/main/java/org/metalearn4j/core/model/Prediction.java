package org.metalearn4j.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classifier's answer for one example.
 *
 * @param label         the most probable label
 * @param probabilities every label of the support set with its probability, in the support set's label order
 */
public record Prediction(String label, Map<String, Double> probabilities) {
    public Prediction {
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    /** The probability of {@link #label()}. */
    public double probability() {
        return probabilities.get(label);
    }
}
