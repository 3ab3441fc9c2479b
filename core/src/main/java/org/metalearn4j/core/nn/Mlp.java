package org.metalearn4j.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds multi-layer perceptrons as {@link Sequential}s of {@link Linear} layers and activations. */
public final class Mlp {
    private Mlp() {
    }

    /**
     * Linear layers between consecutive {@code sizes} with a ReLU after every layer but the last. Children are named
     * like PyTorch: for {@code of(1, 40, 40, 1)} the parameters are {@code 0.weight, 0.bias, 2.weight, 2.bias,
     * 4.weight, 4.bias}.
     */
    public static Sequential of(int... sizes) {
        return of(Activation::relu, sizes);
    }

    /** As {@link #of(int...)} from {@code in} through the {@code hidden} widths to {@code out} (config order). */
    public static Sequential of(int in, List<Integer> hidden, int out) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = in;
        for (int i = 0; i < hidden.size(); i++) {
            sizes[i + 1] = hidden.get(i);
        }
        sizes[sizes.length - 1] = out;
        return of(sizes);
    }

    /** As {@link #of(int...)} with another activation between layers. */
    public static Sequential of(Supplier<Activation> activation, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("Mlp: need at least input and output sizes, got " + sizes.length);
        }
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Linear(sizes[i], sizes[i + 1]));
            if (i + 2 < sizes.length) {
                layers.add(activation.get());
            }
        }
        return Sequential.of(layers.toArray(new Module[0]));
    }
}
