package org.metalearn4j.core.nn.backbone;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;

/**
 * Configuration of the {@code mlp} backbone.
 *
 * @param hidden widths of its layers
 */
public record MlpConfig(
        @JsonPropertyDescription("widths of the Linear + ReLU layers, e.g. [40, 40]") List<Integer> hidden) {
    public MlpConfig {
        hidden = Checks.layerWidths("hidden", hidden);
    }
}
