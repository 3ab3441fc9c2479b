package org.metalearn4j.datasets.generated;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/**
 * Sinusoid regression {@code y = A sin(w x + phase) + noise} (Finn et al., MAML; with frequency and noise as in Yoon
 * et al.'s Bayesian MAML): amplitude, frequency, phase and inputs uniform in the given ranges, Gaussian noise with a
 * standard deviation proportional to the amplitude, and optionally a finite set of training tasks.
 */
public record SinusoidConfig(
        @JsonPropertyDescription("smallest amplitude A") double amplitudeMin,
        @JsonPropertyDescription("largest amplitude A") double amplitudeMax,
        @JsonPropertyDescription("smallest phase, in radians") double phaseMin,
        @JsonPropertyDescription("largest phase, in radians") double phaseMax,
        @JsonPropertyDescription("smallest input x") double xMin,
        @JsonPropertyDescription("largest input x") double xMax,
        @JsonPropertyDescription("smallest frequency w (1 in MAML, 0.5 in Bayesian MAML)") double frequencyMin,
        @JsonPropertyDescription("largest frequency w (1 in MAML, 2 in Bayesian MAML)") double frequencyMax,
        @JsonPropertyDescription("standard deviation of the Gaussian noise on y as a fraction of the amplitude"
                + " (0 in MAML, 0.01 in Bayesian MAML)") double noise,
        @JsonPropertyDescription("distinct meta-train tasks (functions with their points) that training draws from;"
                + " 0 for a fresh task every time") int trainTasks) {
    public SinusoidConfig {
        Ranges.check(amplitudeMin, amplitudeMax, "amplitudeMin", "amplitudeMax");
        Ranges.check(phaseMin, phaseMax, "phaseMin", "phaseMax");
        Ranges.check(xMin, xMax, "xMin", "xMax");
        Ranges.check(frequencyMin, frequencyMax, "frequencyMin", "frequencyMax");
        Checks.nonNegative("noise", noise);
        Checks.atLeast("trainTasks", trainTasks, 0);
    }
}
