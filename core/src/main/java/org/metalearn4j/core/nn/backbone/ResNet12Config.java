package org.metalearn4j.core.nn.backbone;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;

/**
 * Configuration of the {@code resnet12} backbone.
 *
 * @param channels      output channels of the four residual blocks
 * @param negativeSlope the leaky ReLU's slope for negative inputs
 */
public record ResNet12Config(
        @JsonPropertyDescription("output channels of the four residual blocks (64, 160, 320, 640 in TADAM and"
                + " MetaOptNet; narrower ones are much faster)") List<Integer> channels,
        @JsonPropertyDescription("slope of the leaky ReLU for negative inputs, in [0, 1)") double negativeSlope) {
    public ResNet12Config {
        Checks.present("channels", channels);
        channels = List.copyOf(channels);
        if (channels.size() != 4 || channels.stream().anyMatch(c -> c == null || c < 1)) {
            throw new IllegalArgumentException("channels: expected four block widths >= 1, got " + channels);
        }
        if (!(negativeSlope >= 0 && negativeSlope < 1)) {
            throw new IllegalArgumentException("negativeSlope: expected a number in [0, 1), got " + negativeSlope);
        }
    }
}
