package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max-pooling over non-overlapping {@code k x k} windows (stride k, no padding, trailing rows/columns that do not fill
 * a window are dropped). The backward scatters into the argmax positions; the backward of that scatter is a gather at
 * the same positions, so both are linear ops with the argmax pattern of the forward input held constant.
 */
final class MaxPool2dOps {
    private MaxPool2dOps() {
    }

    static Tensor maxPool2d(Tensor x, int k) {
        Shapes.requireRank("maxPool2d", "input", x, 4);
        long[] s = x.shape();
        if (k < 1 || s[2] < k || s[3] < k) {
            throw ShapeException.of("maxPool2d", "kernel " + k + " must be >= 1 and fit the input", "input", s);
        }
        INDArray y = Nd4j.createUninitialized(x.dataType(), new long[] {s[0], s[1], s[2] / k, s[3] / k}, 'c');
        Nd4j.exec(op("maxpool2d", k).addInputs(x.value()).addOutputs(y).build());
        INDArray input = x.value();
        return Tensor.record("maxPool2d", y, (out, g, needs) -> new Tensor[] {scatter(input, g, k)}, x);
    }

    /** {@code g} (pooled shape) placed at the argmax positions of {@code input}, zeros elsewhere. */
    private static Tensor scatter(INDArray input, Tensor g, int k) {
        INDArray value = Nd4j.createUninitialized(input.dataType(), input.shape(), 'c');
        Nd4j.exec(op("maxpool2d_bp", k).addInputs(input, g.value()).addOutputs(value).build());
        return Tensor.record("maxPool2dScatter", value, (out, gg, needs) -> new Tensor[] {gather(input, gg, k)}, g);
    }

    /** The entries of {@code gg} (input shape) at the argmax positions of {@code input}, in pooled shape. */
    private static Tensor gather(INDArray input, Tensor gg, int k) {
        long[] s = input.shape();
        INDArray ones = Nd4j.ones(input.dataType(), s[0], s[1], s[2] / k, s[3] / k);
        INDArray mask = Nd4j.createUninitialized(input.dataType(), s, 'c');
        Nd4j.exec(op("maxpool2d_bp", k).addInputs(input, ones).addOutputs(mask).build());
        INDArray picked = Nd4j.createUninitialized(input.dataType(), ones.shape(), 'c');
        Nd4j.exec(op("avgpool2d", k).addInputs(mask.muli(gg.value())).addOutputs(picked).build());
        picked.muli((double) k * k);
        return Tensor.record("maxPool2dGather", picked, (out, g3, needs) -> new Tensor[] {scatter(input, g3, k)},
                gg);
    }

    private static DynamicCustomOp.DynamicCustomOpsBuilder op(String name, int k) {
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode off, divisor mode (avg only), NCHW
        return DynamicCustomOp.builder(name).addIntegerArguments(k, k, k, k, 0, 0, 1, 1, 0, 0, 0);
    }
}
