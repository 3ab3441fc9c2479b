package org.metalearn4j.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.metalearn4j.core.config.Checks;

/**
 * The backbone network (feature extractor) that learners and transfer stages build, as it appears under a
 * {@code backbone:} key in configurations. Validation errors name the field as written there
 * ({@code backbone.type}, {@code backbone.hidden}, {@code backbone.channels}).
 *
 * @param type     {@code auto} (conv4 for inputs of shape {@code [C, H, W]}, mlp otherwise), {@code conv4} (four 3x3
 *                 conv / batch-norm / ReLU / max-pool blocks, for images of at least 16x16) or {@code mlp} (the
 *                 flattened input through a Linear + ReLU layer per {@code hidden} width)
 * @param hidden   widths of the mlp's layers, e.g. {@code [40, 40]}; ignored by conv4
 * @param channels conv4 width (channels of every block); ignored by mlp
 */
public record BackboneSpec(String type, List<Integer> hidden, int channels) {
    public static final String AUTO = "auto";
    public static final String CONV4 = "conv4";
    public static final String MLP = "mlp";
    private static final Set<String> TYPES = Set.of(AUTO, CONV4, MLP);
    private static final List<Integer> DEFAULT_HIDDEN = List.of(40, 40);
    private static final int DEFAULT_CHANNELS = 64;

    public BackboneSpec {
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("backbone.type: expected one of auto, conv4, mlp, got "
                    + (type == null ? "nothing" : "'" + type + "'"));
        }
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("backbone.hidden: expected a list of at least one layer width, got "
                    + hidden);
        }
        for (Integer width : hidden) {
            if (width == null || width < 1) {
                throw new IllegalArgumentException("backbone.hidden: expected widths >= 1, got " + hidden);
            }
        }
        hidden = List.copyOf(hidden);
        Checks.atLeast("backbone.channels", channels, 1);
    }

    /** {@code auto}: conv4 with 64 channels for images, mlp 40-40 for vectors (the MAML paper's networks). */
    public static BackboneSpec defaults() {
        return new BackboneSpec(AUTO, DEFAULT_HIDDEN, DEFAULT_CHANNELS);
    }

    /** Conv4 with {@code channels} channels per block (64 is the standard few-shot backbone). */
    public static BackboneSpec conv4(int channels) {
        return new BackboneSpec(CONV4, DEFAULT_HIDDEN, channels);
    }

    /** An mlp with one Linear + ReLU layer per width. */
    public static BackboneSpec mlp(int... widths) {
        return new BackboneSpec(MLP, IntStream.of(widths).boxed().toList(), DEFAULT_CHANNELS);
    }

    /** {@code conv4} or {@code mlp}: what {@code auto} means for examples of shape {@code inputShape}. */
    public String resolvedType(long[] inputShape) {
        if (AUTO.equals(type)) {
            return inputShape.length == 3 ? CONV4 : MLP;
        }
        return type;
    }

    /**
     * The network for examples of shape {@code inputShape} (without the batch dimension), mapping {@code [N, ...]}
     * to {@code [N, featureSize(inputShape)]}. Conv4 parameters are named {@code 0.conv.weight ... 3.bn.bias}; the
     * mlp's {@code <i>.weight, <i>.bias} with a Flatten at index 0 unless the input is already a vector.
     *
     * @throws IllegalArgumentException when conv4 is asked for a non-image or an image smaller than 16x16
     */
    public Module build(long[] inputShape) {
        return build(inputShape, true);
    }

    /**
     * As {@link #build}, but an mlp ends with its last Linear layer instead of a ReLU: for learners that compare
     * embeddings directly (distances, cosine similarity), where a final ReLU would confine every embedding to the
     * positive orthant and zero out part of it. Conv4 is unchanged (its last block pools after the ReLU).
     */
    public Module buildEmbedding(long[] inputShape) {
        return build(inputShape, false);
    }

    private Module build(long[] inputShape, boolean finalActivation) {
        if (CONV4.equals(resolvedType(inputShape))) {
            requireImage(inputShape);
            return new Conv4((int) inputShape[0], channels);
        }
        List<Module> layers = new ArrayList<>();
        if (inputShape.length != 1) {
            layers.add(new Flatten());
        }
        int in = Math.toIntExact(Arrays.stream(inputShape).reduce(1, Math::multiplyExact));
        for (int i = 0; i < hidden.size(); i++) {
            layers.add(new Linear(in, hidden.get(i)));
            if (finalActivation || i < hidden.size() - 1) {
                layers.add(Activation.relu());
            }
            in = hidden.get(i);
        }
        return Sequential.of(layers.toArray(new Module[0]));
    }

    /** Length of the feature vector {@link #build} produces for one example of shape {@code inputShape}. */
    public long featureSize(long[] inputShape) {
        if (CONV4.equals(resolvedType(inputShape))) {
            requireImage(inputShape);
            return new Conv4((int) inputShape[0], channels).featureSize(inputShape[1], inputShape[2]);
        }
        return hidden.get(hidden.size() - 1);
    }

    private static void requireImage(long[] inputShape) {
        // Four 2x2 max-pools halve each side four times: anything under 16 pools away to nothing.
        if (inputShape.length != 3 || inputShape[1] < 16 || inputShape[2] < 16) {
            throw new IllegalArgumentException("backbone.type: conv4 needs images [channels, height, width] of at"
                    + " least 16x16, got input shape " + Arrays.toString(inputShape) + " (use 'mlp' for vectors)");
        }
    }
}
