package org.metalearn4j.datasets.generated;

/**
 * Harmonic regression: the sum of a sinusoid and its second harmonic,
 * {@code y = a1 sin(w x + b1) + a2 sin(2 w x + b2)}, with both amplitudes, both phases, the base frequency w and the
 * inputs uniform in the given ranges.
 */
public record HarmonicConfig(double amplitudeMin, double amplitudeMax, double phaseMin, double phaseMax,
                             double frequencyMin, double frequencyMax, double xMin, double xMax) {
}
