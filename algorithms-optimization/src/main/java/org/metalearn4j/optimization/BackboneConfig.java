package org.metalearn4j.optimization;

import java.util.List;
import java.util.Set;
import org.metalearn4j.core.config.Checks;

/**
 * The network a learner meta-trains: a body followed by a linear head with one output per way (or per regression
 * target).
 *
 * @param type     {@code mlp} (fully connected ReLU layers of {@code hidden} widths), {@code conv4} (four 3x3
 *                 conv / batch-norm / ReLU / max-pool blocks of {@code channels} channels) or {@code auto} (conv4 for
 *                 inputs of shape {@code [C, H, W]}, mlp otherwise)
 * @param hidden   widths of the mlp's hidden layers, e.g. {@code [40, 40]} for the sinusoid 1-40-40-1 network
 * @param channels conv4 width
 */
public record BackboneConfig(String type, List<Integer> hidden, int channels) {
    static final Set<String> TYPES = Set.of("auto", "mlp", "conv4");

    public BackboneConfig {
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("type: expected one of auto, mlp, conv4, got "
                    + (type == null ? "nothing" : "'" + type + "'"));
        }
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("hidden: expected at least one hidden layer width, got " + hidden);
        }
        for (Integer h : hidden) {
            if (h == null || h < 1) {
                throw new IllegalArgumentException("hidden: expected widths >= 1, got " + hidden);
            }
        }
        hidden = List.copyOf(hidden);
        Checks.atLeast("channels", channels, 1);
    }

    /** {@code auto}: conv4 with 64 channels for images, mlp 40-40 for vectors (the MAML paper's networks). */
    public static BackboneConfig defaults() {
        return new BackboneConfig("auto", List.of(40, 40), 64);
    }
}
