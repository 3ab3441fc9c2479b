package org.metalearn4j.core.tensor;

import java.util.Arrays;

/** Thrown in {@link Autograd#checkNumerics()} mode by the first op whose result contains NaN or Inf. */
public final class NonFiniteException extends ArithmeticException {
    private final String op;

    NonFiniteException(String op, long[] shape) {
        super("op '" + op + "' produced NaN or Inf in its result of shape " + Arrays.toString(shape));
        this.op = op;
    }

    /** The name of the op that produced the first non-finite value. */
    public String op() {
        return op;
    }
}
