package org.metalearn4j.datasets.generated;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/**
 * 1-D Gaussian-process curves for neural processes: zero mean, RBF kernel
 * {@code k(x, x') = s^2 exp(-(x - x')^2 / (2 l^2))} with the length scale l and the output scale s drawn per task
 * from their ranges, inputs uniform in {@code [xMin, xMax]}, and i.i.d. Gaussian observation noise of
 * {@code noiseStd} on the targets. Each task's descriptor is {@code [l, s]}.
 *
 * <p>{@link GpCurvesProvider#npProtocol()} is the common 1-D neural-process protocol (Kim et al. 2019; Le et al.
 * 2018): l ~ U[0.1, 0.6], s ~ U[0.1, 1.0], noise std 2e-2, x in [-2, 2], 50 points per task of which 3 to 47 are
 * the context (episodes with {@code shot: 47, query: 3}).
 */
public record GpCurvesConfig(
        @JsonPropertyDescription("smallest RBF length scale l, > 0") double lengthScaleMin,
        @JsonPropertyDescription("largest RBF length scale l") double lengthScaleMax,
        @JsonPropertyDescription("smallest output scale s (standard deviation of the curves), > 0")
        double signalStdMin,
        @JsonPropertyDescription("largest output scale s; equal to signalStdMin for a fixed scale") double signalStdMax,
        @JsonPropertyDescription("standard deviation of the observation noise on the targets, >= 0") double noiseStd,
        @JsonPropertyDescription("smallest input x") double xMin,
        @JsonPropertyDescription("largest input x") double xMax,
        @JsonPropertyDescription("0: every task has the episode's shot support points; n > 0: each task splits its"
                + " shot + query points at a context size drawn uniformly from n to shot (the rest is the query"
                + " set), as neural-process protocols do") int minContext) {
    public GpCurvesConfig {
        Ranges.check(lengthScaleMin, lengthScaleMax, "lengthScaleMin", "lengthScaleMax");
        Checks.positive("lengthScaleMin", lengthScaleMin);
        Ranges.check(signalStdMin, signalStdMax, "signalStdMin", "signalStdMax");
        Checks.positive("signalStdMin", signalStdMin);
        Checks.nonNegative("noiseStd", noiseStd);
        Ranges.check(xMin, xMax, "xMin", "xMax");
        Checks.atLeast("minContext", minContext, 0);
    }
}
