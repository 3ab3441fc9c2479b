package org.metalearn4j.core.nn.backbone;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Configuration of the {@code mlp} backbone.
 *
 * @param hidden widths of its layers
 */
public record MlpConfig(
        @JsonPropertyDescription("widths of the Linear + ReLU layers, e.g. [40, 40]") List<Integer> hidden) {
    public MlpConfig {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("hidden: expected a list of at least one layer width, got " + hidden);
        }
        for (Integer width : hidden) {
            if (width == null || width < 1) {
                throw new IllegalArgumentException("hidden: expected widths >= 1, got " + hidden);
            }
        }
        hidden = List.copyOf(hidden);
    }
}
