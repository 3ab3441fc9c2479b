package org.metalearn4j.datasets.generated;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Sinusoid regression {@code y = A sin(x + phase)} (Finn et al., MAML): amplitude, phase and inputs uniform in the
 * given ranges.
 */
public record SinusoidConfig(
        @JsonPropertyDescription("smallest amplitude A") double amplitudeMin,
        @JsonPropertyDescription("largest amplitude A") double amplitudeMax,
        @JsonPropertyDescription("smallest phase, in radians") double phaseMin,
        @JsonPropertyDescription("largest phase, in radians") double phaseMax,
        @JsonPropertyDescription("smallest input x") double xMin,
        @JsonPropertyDescription("largest input x") double xMax) {
    public SinusoidConfig {
        Ranges.check(amplitudeMin, amplitudeMax, "amplitudeMin", "amplitudeMax");
        Ranges.check(phaseMin, phaseMax, "phaseMin", "phaseMax");
        Ranges.check(xMin, xMax, "xMin", "xMax");
    }
}
