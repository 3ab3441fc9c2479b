package org.metalearn4j.metric;

import java.util.Arrays;
import org.metalearn4j.core.nn.Conv4;
import org.metalearn4j.core.nn.Flatten;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Sequential;

/** Builds the embedding module for a configuration and an input shape, and reports its embedding width. */
public final class Backbones {
    private Backbones() {
    }

    /** The backbone described by {@code config} for examples of shape {@code inputShape}. */
    public static Module create(BackboneConfig config, long[] inputShape) {
        return switch (config.type()) {
            case BackboneConfig.CONV4 -> {
                requireImage(inputShape);
                yield new Conv4((int) inputShape[0], config.hidden());
            }
            case BackboneConfig.MLP -> Sequential.of(new Flatten(),
                    Mlp.of(Math.toIntExact(features(inputShape)), config.hidden(), config.hidden()));
            default -> throw new IllegalArgumentException("backbone.type: unknown '" + config.type() + "'");
        };
    }

    /** Length of the embedding vector the backbone produces for one example of {@code inputShape}. */
    public static long embeddingSize(BackboneConfig config, long[] inputShape) {
        if (config.type().equals(BackboneConfig.CONV4)) {
            requireImage(inputShape);
            return new Conv4((int) inputShape[0], config.hidden()).featureSize(inputShape[1], inputShape[2]);
        }
        return config.hidden();
    }

    private static long features(long[] inputShape) {
        long n = 1;
        for (long s : inputShape) {
            n *= s;
        }
        return n;
    }

    private static void requireImage(long[] inputShape) {
        if (inputShape.length != 3 || inputShape[1] < 16 || inputShape[2] < 16) {
            throw new IllegalArgumentException("backbone.type: conv4 needs images [channels, height, width] of at"
                    + " least 16x16, got input shape " + Arrays.toString(inputShape) + " (use 'mlp' for vectors)");
        }
    }
}
