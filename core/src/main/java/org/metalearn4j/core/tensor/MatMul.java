package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products with optional transposes of either operand (2-D, or 3-D batched over the first axis). Transposes are
 * passed to BLAS instead of materialised, and the backward is four more products of the same kind.
 */
final class MatMul {
    private MatMul() {
    }

    static Tensor matmul(Tensor a, Tensor b, boolean ta, boolean tb) {
        Shapes.sameType("matmul", a, b);
        long[] sa = a.shape();
        long[] sb = b.shape();
        int r = sa.length;
        if (r < 2 || r > 3 || sb.length != r || (r == 3 && sa[0] != sb[0])) {
            throw ShapeException.of("matmul", "expected two matrices or two equal batches of matrices", "a", sa, "b",
                    sb);
        }
        long m = ta ? sa[r - 1] : sa[r - 2];
        long ka = ta ? sa[r - 2] : sa[r - 1];
        long kb = tb ? sb[r - 1] : sb[r - 2];
        long n = tb ? sb[r - 2] : sb[r - 1];
        if (ka != kb) {
            throw ShapeException.of("matmul", "inner dimensions differ (" + ka + " vs " + kb + ", transposeA=" + ta
                    + ", transposeB=" + tb + ")", "a", sa, "b", sb);
        }
        long[] shape = r == 2 ? new long[] {m, n} : new long[] {sa[0], m, n};
        INDArray c = product(a.value(), b.value(), ta, tb, shape);
        return Tensor.record("matmul", c, (out, g, needs) -> new Tensor[] {
            needs[0] ? (ta ? b.matmul(g, tb, true) : g.matmul(b, false, !tb)) : null,
            needs[1] ? (tb ? g.matmul(a, true, ta) : a.matmul(g, !ta, false)) : null}, a, b);
    }

    /** The raw kernel: {@code op(a) @ op(b)} into a new c-order array of the (already validated) result shape. */
    static INDArray product(INDArray a, INDArray b, boolean ta, boolean tb, long... shape) {
        return productInto(a, b, ta, tb, Nd4j.createUninitialized(a.dataType(), shape, 'c'));
    }

    /** {@code op(a) @ op(b)} written into {@code c}, a fresh c-order array of the result's shape; returns c. */
    static INDArray productInto(INDArray a, INDArray b, boolean ta, boolean tb, INDArray c) {
        if (c.rank() == 2 ? SmallGemm.product(a, b, ta, tb, c, c.size(0), c.size(1), a.size(ta ? 0 : 1))
                : SmallGemm.batchedProduct(a, b, ta, tb, c)) {
            return c;
        }
        Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(a, b).addOutputs(c)
                .addIntegerArguments(ta ? 1 : 0, tb ? 1 : 0).build());
        return c;
    }
}
