package org.metalearn4j.metric.providers;

import java.util.Objects;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.metric.OptimizerConfig;

/**
 * Configuration of {@code siamese}.
 *
 * @param backbone  embedding network shared by both sides of a pair
 * @param optimizer Adam and learning-rate schedule
 */
public record SiameseConfig(BackboneSpec backbone, OptimizerConfig optimizer) {
    public SiameseConfig {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(optimizer, "optimizer");
    }
}
