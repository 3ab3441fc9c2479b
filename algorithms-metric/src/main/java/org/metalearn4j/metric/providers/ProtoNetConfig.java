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
        @JsonPropertyDescription("Adam and learning-rate schedule") OptimizerConfig optimizer) {
    public ProtoNetConfig {
        Checks.present("backbone", backbone);
        Checks.oneOf("distance", distance, Distance.class);
        Checks.positive("cosineScale", cosineScale);
        Checks.present("optimizer", optimizer);
    }
}
