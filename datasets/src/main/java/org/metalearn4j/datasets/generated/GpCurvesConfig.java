package org.metalearn4j.datasets.generated;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/**
 * 1-D Gaussian-process curves for neural processes: zero mean, RBF kernel
 * {@code k(x, x') = signalStd^2 exp(-(x - x')^2 / (2 lengthScale^2))}, a length scale drawn per task from
 * {@code [lengthScaleMin, lengthScaleMax]}, inputs uniform in {@code [xMin, xMax]}, and i.i.d. Gaussian observation
 * noise of {@code noiseStd} on the targets.
 */
public record GpCurvesConfig(
        @JsonPropertyDescription("smallest RBF length scale, > 0") double lengthScaleMin,
        @JsonPropertyDescription("largest RBF length scale") double lengthScaleMax,
        @JsonPropertyDescription("standard deviation of the curves, > 0") double signalStd,
        @JsonPropertyDescription("standard deviation of the observation noise on the targets, >= 0") double noiseStd,
        @JsonPropertyDescription("smallest input x") double xMin,
        @JsonPropertyDescription("largest input x") double xMax) {
    public GpCurvesConfig {
        Ranges.check(lengthScaleMin, lengthScaleMax, "lengthScaleMin", "lengthScaleMax");
        Checks.positive("lengthScaleMin", lengthScaleMin);
        Checks.positive("signalStd", signalStd);
        Checks.nonNegative("noiseStd", noiseStd);
        Ranges.check(xMin, xMax, "xMin", "xMax");
    }
}
