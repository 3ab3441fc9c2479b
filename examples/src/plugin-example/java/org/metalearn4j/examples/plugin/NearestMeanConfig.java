package org.metalearn4j.examples.plugin;

/**
 * Parameters of the {@code nearest-mean} plugin learner.
 *
 * @param learningRate       SGD step size on the log-temperature
 * @param initialTemperature starting softmax temperature (scale of negative squared distances), > 0
 */
public record NearestMeanConfig(double learningRate, double initialTemperature) {
    public NearestMeanConfig {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate: expected a number > 0, got " + learningRate);
        }
        if (!(initialTemperature > 0)) {
            throw new IllegalArgumentException("initialTemperature: expected a number > 0, got " + initialTemperature);
        }
    }
}
