package org.metalearn4j.datasets.mixture;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.config.ComponentConfig;

/**
 * A mixture of task families: every task comes from one of {@code families}, chosen at random with probabilities
 * proportional to {@code weights}.
 */
public record MixtureConfig(
        @JsonPropertyDescription("the task families, each a data set on the class path with its params, e.g."
                + " [{name: sinusoid}, {name: harmonic}]; all of one task type and input shape") List<ComponentConfig>
                families,
        @JsonPropertyDescription("relative probability of each family, one per family; empty for equal")
        List<Double> weights) {
    public MixtureConfig {
        Checks.atLeastItems("families", families, 2);
        families = List.copyOf(families);
        weights = weights == null ? List.of() : List.copyOf(weights);
        if (!weights.isEmpty() && weights.size() != families.size()) {
            throw new IllegalArgumentException("weights: expected one weight per family (" + families.size()
                    + ") or none, got " + weights.size());
        }
        for (Double w : weights) {
            if (w == null || !(w > 0) || w.isInfinite()) {
                throw new IllegalArgumentException("weights: expected finite numbers > 0, got " + weights);
            }
        }
    }

    /** The probability of drawing each family. */
    double[] probabilities() {
        double[] p = new double[families.size()];
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = weights.isEmpty() ? 1 : weights.get(i);
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }
}
