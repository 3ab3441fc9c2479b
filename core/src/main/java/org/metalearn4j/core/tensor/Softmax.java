package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softmax and log-softmax along one axis, computed with the max subtracted for stability. The array-level
 * {@link #probabilities} is the one softmax for code that works on raw arrays (predictors, ensembles), so none of it
 * falls back on ND4J's legacy row/column broadcasts (see {@link BiasAdd} for why those are unsafe).
 */
public final class Softmax {
    private Softmax() {
    }

    /**
     * A new array of probabilities: the softmax of {@code logits} along {@code axis}, in the logits' data type.
     *
     * @param logits any rank; unchanged
     * @param axis   the axis that sums to one (negative counts from the end)
     */
    public static INDArray probabilities(INDArray logits, int axis) {
        int a = Shapes.axis("softmax", axis, logits.rank());
        INDArray e = shifted(logits, a);
        Transforms.exp(e, false);
        return e.divi(e.sum(true, a));
    }

    static Tensor softmax(Tensor x, int axis) {
        int a = Shapes.axis("softmax", axis, x.rank());
        INDArray e = probabilities(x.value(), a);
        return Tensor.record("softmax", e, (out, g, needs) ->
                new Tensor[] {out.mul(g.sub(g.mul(out).sum(true, a)))}, x);
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int a = Shapes.axis("logSoftmax", axis, x.rank());
        INDArray s = shifted(x.value(), a);
        INDArray logSum = Transforms.log(Transforms.exp(s, true).sum(true, a), false);
        s.subi(logSum);
        return Tensor.record("logSoftmax", s, (out, g, needs) ->
                new Tensor[] {g.sub(out.exp().mul(g.sum(true, a)))}, x);
    }

    /** A fresh copy of {@code v} minus its maximum along {@code axis}. */
    private static INDArray shifted(INDArray v, int axis) {
        return v.sub(v.max(true, axis));
    }
}
