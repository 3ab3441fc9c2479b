package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Softmax and log-softmax along one axis, computed with the max subtracted for stability. */
final class Softmax {
    private Softmax() {
    }

    static Tensor softmax(Tensor x, int axis) {
        int a = Shapes.axis("softmax", axis, x.rank());
        INDArray e = shifted(x.value(), a);
        Transforms.exp(e, false);
        e.divi(e.sum(true, a));
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
