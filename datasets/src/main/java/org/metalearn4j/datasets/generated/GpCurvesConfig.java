package org.metalearn4j.datasets.generated;

/**
 * 1-D Gaussian-process curves for neural processes: zero mean, RBF kernel
 * {@code k(x, x') = signalStd^2 exp(-(x - x')^2 / (2 lengthScale^2))}, a length scale drawn per task from
 * {@code [lengthScaleMin, lengthScaleMax]}, inputs uniform in {@code [xMin, xMax]}, and i.i.d. Gaussian observation
 * noise of {@code noiseStd} on the targets.
 */
public record GpCurvesConfig(double lengthScaleMin, double lengthScaleMax, double signalStd, double noiseStd,
                             double xMin, double xMax) {
}
