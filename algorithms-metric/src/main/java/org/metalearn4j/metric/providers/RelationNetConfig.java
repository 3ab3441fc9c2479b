package org.metalearn4j.metric.providers;

import java.util.Objects;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.metric.OptimizerConfig;

/**
 * Configuration of {@code relationnet}.
 *
 * @param backbone       embedding network
 * @param relationHidden hidden units of the relation module
 * @param optimizer      Adam and learning-rate schedule
 */
public record RelationNetConfig(BackboneSpec backbone, int relationHidden, OptimizerConfig optimizer) {
    public RelationNetConfig {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(optimizer, "optimizer");
        if (relationHidden < 1) {
            throw new IllegalArgumentException("relationHidden: must be >= 1, got " + relationHidden);
        }
    }
}
