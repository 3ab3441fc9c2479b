package org.metalearn4j.core.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastCopyOp;
import org.nd4j.linalg.factory.Nd4j;

/** Reshape, permute and the broadcast pair expand / sum-to-shape, each the other's backward. */
final class ShapeOps {
    private ShapeOps() {
    }

    static Tensor reshape(Tensor x, long... shape) {
        long[] from = x.shape();
        if (Shapes.length(shape) != x.length()) {
            throw ShapeException.of("reshape", "element counts differ", "x", from, "target", shape);
        }
        if (Arrays.equals(from, shape)) {
            return x;
        }
        return Tensor.record("reshape", x.value().reshape('c', shape),
                (out, g, needs) -> new Tensor[] {g.reshape(from)}, x);
    }

    static Tensor permute(Tensor x, int... axes) {
        if (axes.length != x.rank()) {
            throw ShapeException.of("permute", "expected " + x.rank() + " axes, got " + Arrays.toString(axes),
                    "x", x.shape());
        }
        int[] perm = new int[axes.length];
        int[] inverse = new int[axes.length];
        boolean[] seen = new boolean[axes.length];
        for (int i = 0; i < axes.length; i++) {
            perm[i] = Shapes.axis("permute", axes[i], x.rank());
            if (seen[perm[i]]) {
                throw ShapeException.of("permute", "axis " + perm[i] + " repeated in " + Arrays.toString(axes),
                        "x", x.shape());
            }
            seen[perm[i]] = true;
            inverse[perm[i]] = i;
        }
        // a contiguous copy: later ops (gemm, custom ops) run fastest on dense 'c' buffers
        return Tensor.record("permute", x.value().permute(perm).dup('c'),
                (out, g, needs) -> new Tensor[] {g.permute(inverse)}, x);
    }

    static Tensor transpose(Tensor x, int axisA, int axisB) {
        int[] perm = new int[x.rank()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        int a = Shapes.axis("transpose", axisA, x.rank());
        int b = Shapes.axis("transpose", axisB, x.rank());
        perm[a] = b;
        perm[b] = a;
        return permute(x, perm);
    }

    static Tensor expand(Tensor x, long... shape) {
        long[] from = x.shape();
        if (Arrays.equals(from, shape)) {
            return x;
        }
        long[] target = Shapes.broadcast("expand", from, shape);
        if (!Arrays.equals(target, shape)) {
            throw ShapeException.of("expand", "cannot expand to the target", "x", from, "target", shape);
        }
        return Tensor.record("expand", materialize(x.value(), shape),
                (out, g, needs) -> new Tensor[] {g.sumToShape(from)}, x);
    }

    /** Below this many output elements the generic kernel's lower fixed cost wins (crossover measured at 2-4K). */
    private static final long SMALL_BROADCAST = 2048;

    /**
     * A new dense array of {@code shape} holding {@code v} broadcast to it (numpy rules, already validated). Large
     * results take the dimension-wise copy kernel: ND4J's generic {@code broadcast_to} (also behind
     * {@code INDArray.broadcast}) costs about 20 ns per element, 6-10x slower on activation-sized arrays, but its fixed
     * cost is 20 us against 40-110 us, so small results take it.
     */
    static INDArray materialize(INDArray v, long[] shape) {
        INDArray z = Nd4j.createUninitialized(v.dataType(), shape, 'c');
        if (Shapes.length(shape) <= SMALL_BROADCAST) {
            Nd4j.exec(DynamicCustomOp.builder("broadcast_to").addInputs(v, Nd4j.createFromArray(shape)).addOutputs(z)
                    .build());
            return z;
        }
        long[] from = v.shape();
        int lead = shape.length - from.length;
        int[] dims = new int[shape.length];
        long[] sizes = new long[shape.length];
        int n = 0;
        for (int i = lead; i < shape.length; i++) {
            if (from[i - lead] != 1) {
                dims[n] = i;
                sizes[n++] = from[i - lead];
            }
        }
        if (n == 0) {
            return z.assign(v.getDouble(0));
        }
        Nd4j.exec(new BroadcastCopyOp(z, v.reshape('c', Arrays.copyOf(sizes, n)), z, Arrays.copyOf(dims, n)));
        return z;
    }

    static Tensor sumToShape(Tensor x, long... shape) {
        long[] from = x.shape();
        if (Arrays.equals(from, shape)) {
            return x;
        }
        long[] check = Shapes.broadcast("sumToShape", shape, from);
        if (!Arrays.equals(check, from)) {
            throw ShapeException.of("sumToShape", "target does not broadcast to the input", "x", from,
                    "target", shape);
        }
        int lead = from.length - shape.length;
        int[] axes = new int[from.length];
        int n = 0;
        for (int i = 0; i < from.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && from[i] != 1)) {
                axes[n++] = i;
            }
        }
        INDArray summed = x.value().sum(true, Arrays.copyOf(axes, n)).reshape('c', shape);
        return Tensor.record("sumToShape", summed, (out, g, needs) -> new Tensor[] {g.expand(from)}, x);
    }
}
