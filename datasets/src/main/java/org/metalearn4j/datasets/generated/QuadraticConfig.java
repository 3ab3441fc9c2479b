package org.metalearn4j.datasets.generated;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/**
 * Random quadratics {@code f(theta) = mean_i (w_i . theta - y_i)^2}, the first problem of Andrychowicz et al. (2016):
 * each task is one matrix W (its rows are the support examples) and target vector y, or the mean of {@code batch}
 * independent ones (the paper's batches of 128).
 */
public record QuadraticConfig(
        @JsonPropertyDescription("length of theta: the width of W and of every example") int dimensions,
        @JsonPropertyDescription("where the entries of W and y come from: uniform in [0, 1) (the paper's reference"
                + " code) or gaussian, standard normal (the paper's text)") Distribution distribution,
        @JsonPropertyDescription("independent quadratics per task (128 in the paper): the task is their mean loss, as"
                + " one linear regression whose design matrix holds each quadratic's W as a diagonal block, so its"
                + " examples and theta have batch x dimensions entries") int batch) {

    /** The distribution of the entries of W and y. */
    public enum Distribution {
        @JsonProperty("uniform") UNIFORM,
        @JsonProperty("gaussian") GAUSSIAN
    }

    public QuadraticConfig {
        Checks.atLeast("dimensions", dimensions, 1);
        Checks.oneOf("distribution", distribution, Distribution.class);
        Checks.atLeast("batch", batch, 1);
    }
}
