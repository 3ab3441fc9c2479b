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

    static Tensor maxPool2d(Tensor x, int k, ImageLayout layout) {
        Shapes.requireRank("maxPool2d", "input", x, 4);
        long[] s = x.shape();
        int h = layout.heightAxis();
        if (k < 1 || s[h] < k || s[h + 1] < k) {
            throw ShapeException.of("maxPool2d", "kernel " + k + " must be >= 1 and fit the input (" + layout + ")",
                    "input", s);
        }
        Window window = new Window(k, layout);
        INDArray y = Nd4j.createUninitialized(x.dataType(), window.pooledShape(s), 'c');
        Nd4j.exec(window.op("maxpool2d").addInputs(x.value()).addOutputs(y).build());
        INDArray input = x.value();
        return Tensor.record("maxPool2d", y, (out, g, needs) -> new Tensor[] {scatter(input, g, window)}, x);
    }

    /** Kernel size and layout of one pooling. */
    private record Window(int k, ImageLayout layout) {
        long[] pooledShape(long[] s) {
            long[] p = s.clone();
            p[layout.heightAxis()] /= k;
            p[layout.heightAxis() + 1] /= k;
            return p;
        }

        DynamicCustomOp.DynamicCustomOpsBuilder op(String name) {
            // kH, kW, sH, sW, pH, pW, dH, dW, same-mode off, divisor mode (avg only), data format
            return DynamicCustomOp.builder(name).addIntegerArguments(k, k, k, k, 0, 0, 1, 1, 0, 0, layout.opCode());
        }
    }

    /** {@code g} (pooled shape) placed at the argmax positions of {@code input}, zeros elsewhere. */
    private static Tensor scatter(INDArray input, Tensor g, Window window) {
        INDArray value = Nd4j.createUninitialized(input.dataType(), input.shape(), 'c');
        Nd4j.exec(window.op("maxpool2d_bp").addInputs(input, g.value()).addOutputs(value).build());
        return Tensor.record("maxPool2dScatter", value,
                (out, gg, needs) -> new Tensor[] {gather(input, gg, window)}, g);
    }

    /** The entries of {@code gg} (input shape) at the argmax positions of {@code input}, in pooled shape. */
    private static Tensor gather(INDArray input, Tensor gg, Window window) {
        INDArray ones = Nd4j.ones(input.dataType(), window.pooledShape(input.shape()));
        INDArray mask = Nd4j.createUninitialized(input.dataType(), input.shape(), 'c');
        Nd4j.exec(window.op("maxpool2d_bp").addInputs(input, ones).addOutputs(mask).build());
        INDArray picked = Nd4j.createUninitialized(input.dataType(), ones.shape(), 'c');
        Nd4j.exec(window.op("avgpool2d").addInputs(mask.muli(gg.value())).addOutputs(picked).build());
        picked.muli((double) window.k() * window.k());
        return Tensor.record("maxPool2dGather", picked,
                (out, g3, needs) -> new Tensor[] {scatter(input, g3, window)}, gg);
    }
}
