package org.metalearn4j.datasets.generated;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Harmonic regression: the sum of a sinusoid and its second harmonic,
 * {@code y = a1 sin(w x + b1) + a2 sin(2 w x + b2)}, with both amplitudes, both phases, the base frequency w and the
 * inputs uniform in the given ranges.
 */
public record HarmonicConfig(
        @JsonPropertyDescription("smallest amplitude a1, a2") double amplitudeMin,
        @JsonPropertyDescription("largest amplitude a1, a2") double amplitudeMax,
        @JsonPropertyDescription("smallest phase b1, b2, in radians") double phaseMin,
        @JsonPropertyDescription("largest phase b1, b2, in radians") double phaseMax,
        @JsonPropertyDescription("smallest base frequency w") double frequencyMin,
        @JsonPropertyDescription("largest base frequency w") double frequencyMax,
        @JsonPropertyDescription("smallest input x") double xMin,
        @JsonPropertyDescription("largest input x") double xMax) {
    public HarmonicConfig {
        Ranges.check(amplitudeMin, amplitudeMax, "amplitudeMin", "amplitudeMax");
        Ranges.check(phaseMin, phaseMax, "phaseMin", "phaseMax");
        Ranges.check(frequencyMin, frequencyMax, "frequencyMin", "frequencyMax");
        Ranges.check(xMin, xMax, "xMin", "xMax");
    }
}
