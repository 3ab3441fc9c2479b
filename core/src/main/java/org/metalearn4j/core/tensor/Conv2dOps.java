package org.metalearn4j.core.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D convolution (NCHW input, OIHW weights, square stride and zero padding) as three linear ops that are each
 * other's backward: {@code y = conv(x, w)}, {@code dx = inputGrad(dy, w)} and {@code dw = weightGrad(x, dy)}. Every
 * derivative order is therefore made of the same three oneDNN kernels.
 */
final class Conv2dOps {
    private Conv2dOps() {
    }

    static Tensor conv2d(Tensor x, Tensor w, int stride, int pad) {
        return conv2d(x, w, null, stride, pad);
    }

    /** Convolution with an optional bias {@code [O]} added in the same kernel; its gradient is the sum of dy. */
    static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int stride, int pad) {
        Shapes.requireRank("conv2d", "input", x, 4);
        Shapes.requireRank("conv2d", "weight", w, 4);
        Shapes.sameType("conv2d", x, w);
        long[] xs = x.shape();
        long[] ws = w.shape();
        if (xs[1] != ws[1]) {
            throw ShapeException.of("conv2d", "input channels differ from weight channels (axis 1)", "input", xs,
                    "weight", ws);
        }
        if (stride < 1 || pad < 0) {
            throw new ShapeException("conv2d: stride must be >= 1 and padding >= 0, got stride " + stride
                    + ", padding " + pad);
        }
        long ho = (xs[2] + 2L * pad - ws[2]) / stride + 1;
        long wo = (xs[3] + 2L * pad - ws[3]) / stride + 1;
        if (ho < 1 || wo < 1) {
            throw ShapeException.of("conv2d", "kernel larger than padded input", "input", xs, "weight", ws);
        }
        INDArray y = Nd4j.createUninitialized(x.dataType(), new long[] {xs[0], ws[0], ho, wo}, 'c');
        if (bias == null) {
            Nd4j.exec(op("conv2d", ws, stride, pad).addInputs(x.value(), w.value()).addOutputs(y).build());
            return Tensor.record("conv2d", y, (out, g, needs) -> backward(x, w, g, needs, stride, pad), x, w);
        }
        Shapes.sameType("conv2d", x, bias);
        if (bias.rank() != 1 || bias.length() != ws[0]) {
            throw ShapeException.of("conv2d", "bias must have shape [O] with O = weight axis 0", "weight", ws,
                    "bias", bias.shape());
        }
        Nd4j.exec(op("conv2d", ws, stride, pad).addInputs(x.value(), w.value(), bias.value()).addOutputs(y).build());
        return Tensor.record("conv2d", y, (out, g, needs) -> needs[2]
                ? backwardWithBias(x, w, bias, g, needs, stride, pad)
                : Arrays.copyOf(backward(x, w, g, needs, stride, pad), 3), x, w, bias);
    }

    /**
     * The gradients from one conv2d_bp call that also sums dy for the bias: oneDNN does that while it reads dy for
     * the other two, which saves a full pass over dy (the largest activation of a network) against a separate sum.
     */
    private static Tensor[] backwardWithBias(Tensor x, Tensor w, Tensor bias, Tensor g, boolean[] needs, int stride,
            int pad) {
        INDArray gi = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        INDArray gw = Nd4j.createUninitialized(w.dataType(), w.shape(), 'c');
        INDArray gb = Nd4j.createUninitialized(bias.dataType(), bias.shape(), 'c');
        Nd4j.exec(op("conv2d_bp", w.shape(), stride, pad).addInputs(x.value(), w.value(), bias.value(), g.value())
                .addOutputs(gi, gw, gb).build());
        long[] gShape = g.shape();
        return new Tensor[] {
            needs[0] ? recordInputGrad(gi, g, w, stride, pad) : null,
            needs[1] ? recordWeightGrad(gw, x, g, stride, pad) : null,
            Tensor.record("conv2dBiasGrad", gb,
                    (out, gg, n) -> new Tensor[] {gg.reshape(1, gShape[1], 1, 1).expand(gShape)}, g)};
    }

    private static Tensor[] backward(Tensor x, Tensor w, Tensor g, boolean[] needs, int stride, int pad) {
        if (needs[0] && needs[1]) {
            INDArray[] both = bp(x.value(), w.value(), g.value(), stride, pad);
            return new Tensor[] {
                recordInputGrad(both[0], g, w, stride, pad),
                recordWeightGrad(both[1], x, g, stride, pad)};
        }
        return new Tensor[] {
            needs[0] ? inputGrad(g, w, x.shape(), stride, pad) : null,
            needs[1] ? weightGrad(x, g, w.shape(), stride, pad) : null};
    }

    /** The gradient with respect to the input of a convolution with weights {@code w}, given {@code dy}. */
    static Tensor inputGrad(Tensor g, Tensor w, long[] inputShape, int stride, int pad) {
        INDArray placeholder = Nd4j.zeros(g.dataType(), inputShape);
        return recordInputGrad(bp(placeholder, w.value(), g.value(), stride, pad)[0], g, w, stride, pad);
    }

    /** The gradient with respect to the weights of a convolution of input {@code x}, given {@code dy}. */
    static Tensor weightGrad(Tensor x, Tensor g, long[] weightShape, int stride, int pad) {
        INDArray placeholder = Nd4j.zeros(g.dataType(), weightShape);
        return recordWeightGrad(bp(x.value(), placeholder, g.value(), stride, pad)[1], x, g, stride, pad);
    }

    private static Tensor recordInputGrad(INDArray value, Tensor g, Tensor w, int stride, int pad) {
        // <G, inputGrad(g, w)> = <conv(G, w), g>
        return Tensor.record("conv2dInputGrad", value, (out, gg, needs) -> new Tensor[] {
            needs[0] ? conv2d(gg, w, stride, pad) : null,
            needs[1] ? weightGrad(gg, g, w.shape(), stride, pad) : null}, g, w);
    }

    private static Tensor recordWeightGrad(INDArray value, Tensor x, Tensor g, int stride, int pad) {
        // <G, weightGrad(x, g)> = <conv(x, G), g>
        return Tensor.record("conv2dWeightGrad", value, (out, gg, needs) -> new Tensor[] {
            needs[0] ? inputGrad(g, gg, x.shape(), stride, pad) : null,
            needs[1] ? conv2d(x, gg, stride, pad) : null}, x, g);
    }

    /** One conv2d_bp call: {input gradient, weight gradient}. */
    private static INDArray[] bp(INDArray x, INDArray w, INDArray g, int stride, int pad) {
        INDArray gi = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        INDArray gw = Nd4j.createUninitialized(w.dataType(), w.shape(), 'c');
        Nd4j.exec(op("conv2d_bp", w.shape(), stride, pad).addInputs(x, w, g).addOutputs(gi, gw).build());
        return new INDArray[] {gi, gw};
    }

    private static DynamicCustomOp.DynamicCustomOpsBuilder op(String name, long[] ws, int stride, int pad) {
        // kH, kW, sH, sW, pH, pW, dH, dW, same-mode off, data format NCHW, weight format [oC, iC, kH, kW]
        return DynamicCustomOp.builder(name)
                .addIntegerArguments((int) ws[2], (int) ws[3], stride, stride, pad, pad, 1, 1, 0, 0, 1);
    }
}
