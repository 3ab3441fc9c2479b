package org.metalearn4j.core.learner;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    /**
     * The equal-weight mixture of Gaussians over the same points, matched in mean and variance: the mean of the means,
     * and the mean of the variances plus the variance of the means (never below the smallest member variance). Computed
     * in float64, returned in the first member's type.
     *
     * @param members at least one prediction, all of the same shape
     */
    public static Prediction mixture(List<Prediction> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("Prediction.mixture: needs at least one member");
        }
        INDArray mean = null;
        for (Prediction d : members) {
            if (!Arrays.equals(d.mean().shape(), members.get(0).mean().shape())) {
                throw new IllegalArgumentException("Prediction.mixture: members have shapes "
                        + Arrays.toString(members.get(0).mean().shape()) + " and " + Arrays.toString(d.mean().shape()));
            }
            INDArray mu = d.mean().castTo(DataType.DOUBLE);
            mean = mean == null ? mu.dup() : mean.addi(mu);
        }
        mean.divi(members.size());
        INDArray variance = null;
        for (Prediction d : members) {
            INDArray sd = d.std().castTo(DataType.DOUBLE);
            INDArray spread = d.mean().castTo(DataType.DOUBLE).sub(mean);
            INDArray v = sd.mul(sd).addi(spread.muli(spread));
            variance = variance == null ? v : variance.addi(v);
        }
        DataType type = members.get(0).mean().dataType();
        return new Prediction(mean.castTo(type), Transforms.sqrt(variance.divi(members.size()), false).castTo(type));
    }
}
