package org.metalearn4j.core.nn.backbone;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/**
 * Configuration of the {@code conv4} backbone.
 *
 * @param channels  width of every block
 * @param finalRelu whether the last block ends with its ReLU
 */
public record Conv4Config(
        @JsonPropertyDescription("channels of each of the four conv / batch-norm / ReLU / max-pool blocks")
        int channels,
        @JsonPropertyDescription("end the last block with its ReLU (true, the standard Conv4); false leaves the"
                + " features signed, as cosine classifiers want (Gidaris and Komodakis 2018: non-negative features"
                + " confine all angles to [0, 90] degrees)") boolean finalRelu) {
    public Conv4Config {
        Checks.atLeast("channels", channels, 1);
    }
}
