package org.metalearn4j.core.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by the ops: numpy broadcasting, axis normalisation, argument validation. */
final class Shapes {
    private Shapes() {
    }

    /** The numpy broadcast of two shapes, or a {@link ShapeException} naming the op and both shapes. */
    static long[] broadcast(String op, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw ShapeException.of(op, "shapes cannot be broadcast together", "a", a, "b", b);
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    static void sameType(String op, Tensor a, Tensor b) {
        if (a.dataType() != b.dataType()) {
            throw new ShapeException(op + ": data types differ; a is " + a.dataType() + ", b is " + b.dataType());
        }
    }

    /** Maps a possibly negative axis into {@code [0, rank)}, or fails naming the op. */
    static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new ShapeException(op + ": axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    static int[] axes(String op, int[] axes, int rank) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axis(op, axes[i], rank);
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new ShapeException(op + ": axis " + out[i] + " given twice in " + Arrays.toString(axes));
            }
        }
        return out;
    }

    /** The shape with the given (sorted, normalised) axes set to 1. */
    static long[] keepDims(long[] shape, int[] axes) {
        long[] out = shape.clone();
        for (int a : axes) {
            out[a] = 1;
        }
        return out;
    }

    static long length(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    static void requireRank(String op, String arg, Tensor t, int rank) {
        if (t.rank() != rank) {
            throw ShapeException.of(op, "expected rank " + rank, arg, t.shape());
        }
    }
}
