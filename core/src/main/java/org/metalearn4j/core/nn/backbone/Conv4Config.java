package org.metalearn4j.core.nn.backbone;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/**
 * Configuration of the {@code conv4} backbone.
 *
 * @param channels width of every block
 */
public record Conv4Config(
        @JsonPropertyDescription("channels of each of the four conv / batch-norm / ReLU / max-pool blocks")
        int channels) {
    public Conv4Config {
        Checks.atLeast("channels", channels, 1);
    }
}
