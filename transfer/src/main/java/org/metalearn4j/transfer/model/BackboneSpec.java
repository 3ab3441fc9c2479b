package org.metalearn4j.transfer.model;

import java.util.Arrays;
import java.util.Map;
import org.metalearn4j.core.nn.Activation;
import org.metalearn4j.core.nn.Conv4;
import org.metalearn4j.core.nn.Flatten;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Sequential;

/**
 * Which feature extractor to build: {@code conv4} (4 conv blocks of {@code hidden} channels, for images
 * {@code [c, h, w]}) or {@code mlp} (flatten, then two ReLU layers of {@code hidden} units). Recorded in the
 * provenance of BACKBONE and MODEL artifacts so later stages rebuild the same network.
 */
public record BackboneSpec(String type, int hidden) {
    static final String TYPE_KEY = "backbone";
    static final String HIDDEN_KEY = "backbone.hidden";

    public BackboneSpec {
        if (!"conv4".equals(type) && !"mlp".equals(type)) {
            throw new IllegalArgumentException("backbone must be 'conv4' or 'mlp', got '" + type + "'");
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("backbone hidden size must be >= 1, got " + hidden);
        }
    }

    public Module build(long[] inputShape) {
        if ("conv4".equals(type)) {
            if (inputShape.length != 3) {
                throw new IllegalArgumentException("conv4 needs image inputs [c, h, w], got "
                        + Arrays.toString(inputShape));
            }
            return new Conv4((int) inputShape[0], hidden);
        }
        return Sequential.of(new Flatten(), new Linear((int) flatSize(inputShape), hidden), Activation.relu(),
                new Linear(hidden, hidden), Activation.relu());
    }

    /** Length of the feature vector for one input of this shape. */
    public long featureSize(long[] inputShape) {
        if ("conv4".equals(type)) {
            return new Conv4((int) inputShape[0], hidden).featureSize(inputShape[1], inputShape[2]);
        }
        return hidden;
    }

    public Map<String, String> provenance() {
        return Map.of(TYPE_KEY, type, HIDDEN_KEY, Integer.toString(hidden));
    }

    /** The spec recorded in an artifact's provenance; fails naming the artifact's stage when it has none. */
    public static BackboneSpec fromProvenance(Map<String, String> provenance) {
        String type = provenance.get(TYPE_KEY);
        String hidden = provenance.get(HIDDEN_KEY);
        if (type == null || hidden == null) {
            throw new IllegalArgumentException("input artifact from stage '" + provenance.getOrDefault("stage", "?")
                    + "' does not record its backbone architecture ('" + TYPE_KEY + "', '" + HIDDEN_KEY + "')");
        }
        return new BackboneSpec(type, Integer.parseInt(hidden));
    }

    private static long flatSize(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
