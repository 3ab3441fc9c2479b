package org.metalearn4j.core.task;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of labelled examples: inputs {@code x} with the example index as first dimension, and targets {@code y}.
 * For classification {@code y} is a rank-1 array of class indices (0..ways-1); for regression it is
 * {@code [n, outputs]}.
 *
 * <p>The arrays are treated as immutable by every consumer: learners never write into a task's data.
 */
public record Examples(INDArray x, INDArray y) {
    public Examples {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.rank() == 0 || y.rank() == 0 || x.size(0) != y.size(0)) {
            throw new IllegalArgumentException("Examples: x and y must have the same first dimension, got x "
                    + Arrays.toString(x.shape()) + " and y " + Arrays.toString(y.shape()));
        }
    }

    /**
     * This set, after checking that inputs and targets hold no NaN or infinite value: learners call it before data
     * reaches a loss, so bad data fails naming {@code what} (e.g. {@code "sinusoid/meta-train query"}) instead of
     * turning parameters into NaN.
     */
    public Examples requireFinite(String what) {
        if (hasNonFinite(x)) {
            throw new IllegalArgumentException(what + ": the inputs contain NaN or infinite values");
        }
        if (hasNonFinite(y)) {
            throw new IllegalArgumentException(what + ": the targets contain NaN or infinite values");
        }
        return this;
    }

    private static boolean hasNonFinite(INDArray a) {
        return a.dataType().isFPType() && a.length() > 0 && (a.isNaN().any() || a.isInfinite().any());
    }

    /** Number of examples. */
    public int size() {
        return (int) x.size(0);
    }
}
