package org.metalearn4j.core.nn.backbone;

import java.util.Objects;
import org.metalearn4j.core.nn.Module;

/**
 * A feature extractor built for one input shape.
 *
 * @param module      maps a batch {@code [N, ...input shape]} to features {@code [N, featureSize]}
 * @param featureSize the width of one example's feature vector
 */
public record Backbone(Module module, long featureSize) {
    public Backbone {
        Objects.requireNonNull(module, "module");
        if (featureSize < 1) {
            throw new IllegalArgumentException("featureSize: expected at least 1, got " + featureSize);
        }
    }
}
