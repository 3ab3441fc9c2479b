package org.metalearn4j.metric.providers;

import java.util.Objects;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.metric.OptimizerConfig;
import org.metalearn4j.metric.head.Distance;

/**
 * Configuration of {@code protonet}.
 *
 * @param backbone    embedding network
 * @param distance    {@code euclidean} (squared) or {@code cosine}
 * @param cosineScale multiplier of cosine similarities (cosine only)
 * @param optimizer   Adam and learning-rate schedule
 */
public record ProtoNetConfig(BackboneSpec backbone, String distance, double cosineScale,
                             OptimizerConfig optimizer) {
    public ProtoNetConfig {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(optimizer, "optimizer");
        Distance.of(distance);
        if (!(cosineScale > 0)) {
            throw new IllegalArgumentException("cosineScale: must be > 0, got " + cosineScale);
        }
    }
}
