package org.metalearn4j.core.train.testing;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** Parameters of the nearest-centroid test learner. */
public record CentroidConfig(
        @JsonPropertyDescription("width of the learned linear embedding") int embedding,
        @JsonPropertyDescription("SGD step size") double learningRate,
        @JsonPropertyDescription("heavy-ball momentum in [0, 1)") double momentum) {
    public CentroidConfig {
        Checks.atLeast("embedding", embedding, 1);
        Checks.positive("learningRate", learningRate);
        Checks.between("momentum", momentum, 0, 0.999);
    }
}
