package org.metalearn4j.core.learner;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Gaussian predictive distribution per query point and output: {@code y ~ N(mean, std^2)}, independently for every
 * entry. Both arrays have the shape of the point predictions, {@code [n, outputs]}.
 *
 * @param mean the predictive means (what {@link Predictor#predict} returns)
 * @param std  the predictive standard deviations, all > 0
 */
public record Prediction(INDArray mean, INDArray std) {
    public Prediction {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (!Arrays.equals(mean.shape(), std.shape())) {
            throw new IllegalArgumentException("Prediction: mean has shape " + Arrays.toString(mean.shape())
                    + " but std has shape " + Arrays.toString(std.shape()));
        }
    }
}
