package org.metalearn4j.core.tensor;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Slice (and its backward, zero-padding), concat, stack and index-select. */
final class Slicing {
    private Slicing() {
    }

    static Tensor slice(Tensor x, int axis, long from, long to) {
        int a = Shapes.axis("slice", axis, x.rank());
        long[] shape = x.shape();
        if (from < 0 || to > shape[a] || from >= to) {
            throw ShapeException.of("slice", "range [" + from + ", " + to + ") is empty or outside axis " + a, "x",
                    shape);
        }
        if (from == 0 && to == shape[a]) {
            return x;
        }
        INDArray v = x.value().get(window(shape.length, a, from, to)).dup('c');
        return Tensor.record("slice", v, (out, g, needs) -> new Tensor[] {pad(g, a, from, shape)}, x);
    }

    /** Places {@code g} at offset {@code from} along {@code axis} of a zero tensor of {@code shape}. */
    static Tensor pad(Tensor g, int axis, long from, long[] shape) {
        long to = from + g.shape()[axis];
        INDArray z = Nd4j.zeros(g.dataType(), shape);
        z.get(window(shape.length, axis, from, to)).assign(g.value());
        return Tensor.record("pad", z, (out, gg, needs) -> new Tensor[] {gg.slice(axis, from, to)}, g);
    }

    static Tensor concat(int axis, List<Tensor> parts) {
        if (parts.isEmpty()) {
            throw new ShapeException("concat: no tensors given");
        }
        Tensor first = parts.get(0);
        int a = Shapes.axis("concat", axis, first.rank());
        INDArray[] values = new INDArray[parts.size()];
        long[] offsets = new long[parts.size() + 1];
        for (int i = 0; i < values.length; i++) {
            Tensor p = parts.get(i);
            Shapes.sameType("concat", first, p);
            long[] s = p.shape();
            long[] s0 = first.shape();
            s[a] = s0[a];
            if (!java.util.Arrays.equals(s, s0)) {
                throw ShapeException.of("concat", "part " + i + " differs from part 0 outside axis " + a, "part 0",
                        first.shape(), "part " + i, p.shape());
            }
            values[i] = p.value();
            offsets[i + 1] = offsets[i] + p.shape()[a];
        }
        if (values.length == 1) {
            return first;
        }
        Tensor[] inputs = parts.toArray(new Tensor[0]);
        return Tensor.record("concat", Nd4j.concat(a, values), (out, g, needs) -> {
            Tensor[] grads = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                grads[i] = needs[i] ? g.slice(a, offsets[i], offsets[i + 1]) : null;
            }
            return grads;
        }, inputs);
    }

    static Tensor stack(int axis, List<Tensor> parts) {
        if (parts.isEmpty()) {
            throw new ShapeException("stack: no tensors given");
        }
        int rank = parts.get(0).rank() + 1;
        int a = Shapes.axis("stack", axis, rank);
        List<Tensor> expanded = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Tensor p = parts.get(i);
            if (!java.util.Arrays.equals(p.shape(), parts.get(0).shape())) {
                throw ShapeException.of("stack", "all parts must have the same shape", "part 0",
                        parts.get(0).shape(), "part " + i, p.shape());
            }
            long[] s = new long[rank];
            for (int d = 0, j = 0; d < rank; d++) {
                s[d] = d == a ? 1 : p.shape()[j++];
            }
            expanded.add(p.reshape(s));
        }
        return concat(a, expanded);
    }

    /**
     * Gathers along an axis as a product with a constant one-hot matrix, so that every derivative order is the same
     * pair of matrix products.
     */
    static Tensor indexSelect(Tensor x, int axis, long... indices) {
        int a = Shapes.axis("indexSelect", axis, x.rank());
        long[] shape = x.shape();
        long n = shape[a];
        INDArray oneHot = Nd4j.zeros(x.dataType(), indices.length, n);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= n) {
                throw ShapeException.of("indexSelect", "index " + indices[i] + " is outside [0, " + n + ") on axis "
                        + a, "x", shape);
            }
            oneHot.putScalar(i, indices[i], 1.0);
        }
        int[] toFront = new int[shape.length];
        toFront[0] = a;
        for (int d = 0, j = 1; d < shape.length; d++) {
            if (d != a) {
                toFront[j++] = d;
            }
        }
        Tensor front = a == 0 ? x : x.permute(toFront);
        long[] frontShape = front.shape();
        Tensor picked = Tensor.constant(oneHot).matmul(front.reshape(n, x.length() / n));
        frontShape[0] = indices.length;
        Tensor back = picked.reshape(frontShape);
        if (a == 0) {
            return back;
        }
        int[] fromFront = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            fromFront[toFront[d]] = d;
        }
        return back.permute(fromFront);
    }

    private static INDArrayIndex[] window(int rank, int axis, long from, long to) {
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        for (int d = 0; d < rank; d++) {
            idx[d] = d == axis ? NDArrayIndex.interval(from, to) : NDArrayIndex.all();
        }
        return idx;
    }
}
