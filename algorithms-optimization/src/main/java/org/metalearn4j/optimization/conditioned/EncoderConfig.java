package org.metalearn4j.optimization.conditioned;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;

/** The support-set encoder of the task-conditioned optimizer ({@link MeanPoolEncoder}). */
public record EncoderConfig(
        @JsonPropertyDescription("widths of the ReLU layers applied to each (flattened input, target) pair")
        List<Integer> hidden,
        @JsonPropertyDescription("width of the task embedding: the mean over the support set of the last layer")
        int width) {
    public EncoderConfig {
        Checks.present("hidden", hidden);
        for (Integer h : hidden) {
            if (h == null || h < 1) {
                throw new IllegalArgumentException("hidden: expected widths >= 1, got " + hidden);
            }
        }
        hidden = List.copyOf(hidden);
        Checks.atLeast("width", width, 1);
    }
}
