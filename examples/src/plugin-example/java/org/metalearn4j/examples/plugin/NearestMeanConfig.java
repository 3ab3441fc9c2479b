package org.metalearn4j.examples.plugin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Parameters of the {@code nearest-mean} plugin learner; the descriptions are printed by
 * {@code metalearn config --defaults nearest-mean}.
 */
public record NearestMeanConfig(
        @JsonPropertyDescription("SGD step size on the log-temperature") double learningRate,
        @JsonPropertyDescription("starting softmax temperature (scale of negative squared distances), > 0")
        double initialTemperature) {
    public NearestMeanConfig {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate: expected a number > 0, got " + learningRate);
        }
        if (!(initialTemperature > 0)) {
            throw new IllegalArgumentException("initialTemperature: expected a number > 0, got " + initialTemperature);
        }
    }
}
