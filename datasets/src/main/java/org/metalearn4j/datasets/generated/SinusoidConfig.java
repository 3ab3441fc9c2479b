package org.metalearn4j.datasets.generated;

/**
 * Sinusoid regression {@code y = A sin(x + phase)} (Finn et al., MAML): amplitude, phase and inputs uniform in the
 * given ranges.
 */
public record SinusoidConfig(double amplitudeMin, double amplitudeMax, double phaseMin, double phaseMax, double xMin,
                             double xMax) {
}
