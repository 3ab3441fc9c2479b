package org.metalearn4j.model.generative.metagan;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.metric.Distance;

/**
 * How MetaGAN's {@code protonet} and {@code relationnet} classifiers compare embeddings.
 *
 * @param distance       protonet's distance to the prototypes
 * @param cosineScale    multiplier of cosine similarities (protonet with cosine only)
 * @param relationHidden hidden units of relationnet's relation module
 */
public record MetricSettings(
        @JsonPropertyDescription("protonet: euclidean (squared distance to the prototypes) or cosine (scaled"
                + " similarity)") Distance distance,
        @JsonPropertyDescription("protonet with cosine: multiplier of cosine similarities before the softmax")
        double cosineScale,
        @JsonPropertyDescription("relationnet: hidden units of the relation module") int relationHidden) {
    public MetricSettings {
        Checks.oneOf("distance", distance, Distance.class);
        Checks.positive("cosineScale", cosineScale);
        Checks.atLeast("relationHidden", relationHidden, 1);
    }
}
