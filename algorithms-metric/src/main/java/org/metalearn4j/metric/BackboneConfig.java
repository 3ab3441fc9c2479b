package org.metalearn4j.metric;

import java.util.Objects;

/**
 * The embedding network of a metric learner.
 *
 * @param type   {@code conv4} (4 conv blocks, for images {@code [C, H, W]} of at least 16x16) or {@code mlp} (two
 *               ReLU hidden layers over the flattened input, for vector data)
 * @param hidden channels per conv block, or units per hidden layer; also the embedding width
 */
public record BackboneConfig(String type, int hidden) {
    public static final String CONV4 = "conv4";
    public static final String MLP = "mlp";

    public BackboneConfig {
        Objects.requireNonNull(type, "type");
        if (!type.equals(CONV4) && !type.equals(MLP)) {
            throw new IllegalArgumentException("type: expected 'conv4' or 'mlp', got '" + type + "'");
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden: must be >= 1, got " + hidden);
        }
    }

    /** Conv4 with 64 channels, the standard few-shot backbone. */
    public static BackboneConfig conv4() {
        return new BackboneConfig(CONV4, 64);
    }
}
