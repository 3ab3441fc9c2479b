package org.metalearn4j.core.tensor;

import java.util.Arrays;

/** An op received arguments whose shapes (or data types) do not fit; the message names the op and the arguments. */
public final class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }

    /** "op: what; arg a has shape [..], arg b has shape [..]". */
    static ShapeException of(String op, String what, String argA, long[] shapeA, String argB, long[] shapeB) {
        return new ShapeException(op + ": " + what + "; " + argA + " has shape " + Arrays.toString(shapeA) + ", "
                + argB + " has shape " + Arrays.toString(shapeB));
    }

    static ShapeException of(String op, String what, String arg, long[] shape) {
        return new ShapeException(op + ": " + what + "; " + arg + " has shape " + Arrays.toString(shape));
    }
}
