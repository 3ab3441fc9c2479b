package org.metalearn4j.metric.providers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.OptimizerConfig;

/** Configuration of {@code protonet}; {@code metalearn config --defaults protonet} prints it with descriptions. */
public record ProtoNetConfig(
        @JsonPropertyDescription("embedding network") BackboneSpec backbone,
        @JsonPropertyDescription("euclidean (squared distance to the prototypes) or cosine (scaled similarity)")
        Distance distance,
        @JsonPropertyDescription("multiplier of cosine similarities before the softmax (cosine only)")
        double cosineScale,
        @JsonPropertyDescription("Adam and learning-rate schedule") OptimizerConfig optimizer,
        @JsonPropertyDescription("transductive refinement when scoring an episode's queries: soft k-means steps"
                + " (Ren et al. 2018) that recompute each prototype from its support embeddings and all query"
                + " embeddings weighted by their softmax assignment; training is unaffected; 0 for none")
        int transductiveSteps) {
    public ProtoNetConfig {
        Checks.present("backbone", backbone);
        Checks.oneOf("distance", distance, Distance.class);
        Checks.positive("cosineScale", cosineScale);
        Checks.present("optimizer", optimizer);
        Checks.atLeast("transductiveSteps", transductiveSteps, 0);
    }

    /** Without transductive refinement. */
    public ProtoNetConfig(BackboneSpec backbone, Distance distance, double cosineScale, OptimizerConfig optimizer) {
        this(backbone, distance, cosineScale, optimizer, 0);
    }
}
