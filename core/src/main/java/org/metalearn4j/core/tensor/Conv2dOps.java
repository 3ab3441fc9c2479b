package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D convolution (input in either {@link ImageLayout}, OIHW weights, square stride and zero padding) as three linear
 * ops that are each other's backward: {@code y = conv(x, w)}, {@code dx = inputGrad(dy, w)} and
 * {@code dw = weightGrad(x, dy)}. Every derivative order is therefore made of the same three kernels.
 */
final class Conv2dOps {
    /**
     * Largest {@code in channels x kH x kW} for which an NHWC weight gradient alone is a patch matrix times dy.
     * oneDNN's backward kernels reorder dy into a blocked layout twice and compute the input gradient too; for the
     * few-channel first layer of a network, where the input gradient is not wanted, that took twice the time of the
     * gemm (NCHW dy would first need a transposed copy, which costs more than it saves; BENCHMARKS.md, "Conv4 layout
     * and step arenas").
     */
    private static final long PATCH_GEMM_MAX_K = 32;

    private Conv2dOps() {
    }

    /** Convolution with an optional bias {@code [O]} (null for none) added in the same kernel. */
    static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int stride, int pad, ImageLayout layout) {
        Shapes.requireRank("conv2d", "input", x, 4);
        Shapes.requireRank("conv2d", "weight", w, 4);
        Shapes.sameType("conv2d", x, w);
        long[] xs = x.shape();
        long[] ws = w.shape();
        if (xs[layout.channelAxis()] != ws[1]) {
            throw ShapeException.of("conv2d", "input channels (axis " + layout.channelAxis() + " in " + layout
                    + ") differ from weight channels (axis 1)", "input", xs, "weight", ws);
        }
        if (stride < 1 || pad < 0) {
            throw new ShapeException("conv2d: stride must be >= 1 and padding >= 0, got stride " + stride
                    + ", padding " + pad);
        }
        int h = layout.heightAxis();
        long ho = (xs[h] + 2L * pad - ws[2]) / stride + 1;
        long wo = (xs[h + 1] + 2L * pad - ws[3]) / stride + 1;
        if (ho < 1 || wo < 1) {
            throw ShapeException.of("conv2d", "kernel larger than padded input", "input", xs, "weight", ws);
        }
        Geometry geo = new Geometry(stride, pad, layout);
        INDArray y = Nd4j.createUninitialized(x.dataType(), layout.shape(xs[0], ws[0], ho, wo), 'c');
        if (bias == null) {
            Nd4j.exec(geo.op("conv2d", ws).addInputs(x.value(), w.value()).addOutputs(y).build());
            return Tensor.record("conv2d", y, (out, g, needs) -> backward(x, w, g, needs, geo), x, w);
        }
        Shapes.sameType("conv2d", x, bias);
        if (bias.rank() != 1 || bias.length() != ws[0]) {
            throw ShapeException.of("conv2d", "bias must have shape [O] with O = weight axis 0", "weight", ws,
                    "bias", bias.shape());
        }
        Nd4j.exec(geo.op("conv2d", ws).addInputs(x.value(), w.value(), bias.value()).addOutputs(y).build());
        return Tensor.record("conv2d", y, (out, g, needs) -> backwardWithBias(x, w, bias, g, needs, geo),
                x, w, bias);
    }

    /** Stride, padding and layout: what every op of one convolution shares. */
    private record Geometry(int stride, int pad, ImageLayout layout) {
        DynamicCustomOp.DynamicCustomOpsBuilder op(String name, long[] ws) {
            // kH, kW, sH, sW, pH, pW, dH, dW, same-mode off, data format, weight format 1 = [oC, iC, kH, kW]
            return DynamicCustomOp.builder(name).addIntegerArguments((int) ws[2], (int) ws[3], stride, stride, pad,
                    pad, 1, 1, 0, layout.opCode(), 1);
        }
    }

    /**
     * One conv2d_bp call that also sums dy for the bias: oneDNN does that while it reads dy for the other two, which
     * saves a full pass over dy (the largest activation of a network). Only a weight gradient from the patch gemm
     * (input gradient not wanted) sums dy for the bias separately.
     */
    private static Tensor[] backwardWithBias(Tensor x, Tensor w, Tensor bias, Tensor g, boolean[] needs,
            Geometry geo) {
        Tensor[] grads = new Tensor[3];
        if (needs[0] || !usesPatches(w.shape(), geo)) {
            INDArray gi = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
            INDArray gw = Nd4j.createUninitialized(w.dataType(), w.shape(), 'c');
            INDArray gb = Nd4j.createUninitialized(bias.dataType(), bias.shape(), 'c');
            Nd4j.exec(geo.op("conv2d_bp", w.shape()).addInputs(x.value(), w.value(), bias.value(), g.value())
                    .addOutputs(gi, gw, gb).build());
            grads[0] = needs[0] ? recordInputGrad(gi, g, w, geo) : null;
            grads[1] = needs[1] ? recordWeightGrad(gw, x, g, geo) : null;
            grads[2] = needs[2] ? recordBiasGrad(gb, g, geo.layout()) : null;
            return grads;
        }
        grads[1] = needs[1] ? weightGrad(x, g, w.shape(), geo) : null;
        grads[2] = needs[2] ? recordBiasGrad(ChannelSums.sum(g.value(), geo.layout()), g, geo.layout()) : null;
        return grads;
    }

    private static Tensor recordBiasGrad(INDArray value, Tensor g, ImageLayout layout) {
        long[] gShape = g.shape();
        long[] perChannel = layout.shape(1, gShape[layout.channelAxis()], 1, 1);
        return Tensor.record("conv2dBiasGrad", value,
                (out, gg, n) -> new Tensor[] {gg.reshape(perChannel).expand(gShape)}, g);
    }

    private static Tensor[] backward(Tensor x, Tensor w, Tensor g, boolean[] needs, Geometry geo) {
        if (needs[0] && needs[1]) {
            INDArray[] both = bp(x.value(), w.value(), g.value(), geo);
            return new Tensor[] {recordInputGrad(both[0], g, w, geo), recordWeightGrad(both[1], x, g, geo)};
        }
        return new Tensor[] {
            needs[0] ? inputGrad(g, w, x.shape(), geo) : null,
            needs[1] ? weightGrad(x, g, w.shape(), geo) : null};
    }

    /** The gradient with respect to the input of a convolution with weights {@code w}, given {@code dy}. */
    private static Tensor inputGrad(Tensor g, Tensor w, long[] inputShape, Geometry geo) {
        INDArray placeholder = Nd4j.zeros(g.dataType(), inputShape);
        return recordInputGrad(bp(placeholder, w.value(), g.value(), geo)[0], g, w, geo);
    }

    /** The gradient with respect to the weights of a convolution of input {@code x}, given {@code dy}. */
    private static Tensor weightGrad(Tensor x, Tensor g, long[] weightShape, Geometry geo) {
        INDArray value;
        if (usesPatches(weightShape, geo)) {
            value = ConvPatches.weightGrad(x.value(), g.value(), weightShape, geo.stride(), geo.pad());
        } else {
            value = bp(x.value(), Nd4j.zeros(g.dataType(), weightShape), g.value(), geo)[1];
        }
        return recordWeightGrad(value, x, g, geo);
    }

    private static boolean usesPatches(long[] weightShape, Geometry geo) {
        return geo.layout() == ImageLayout.NHWC && weightShape[1] * weightShape[2] * weightShape[3] <= PATCH_GEMM_MAX_K;
    }

    private static Tensor recordInputGrad(INDArray value, Tensor g, Tensor w, Geometry geo) {
        // <G, inputGrad(g, w)> = <conv(G, w), g>
        return Tensor.record("conv2dInputGrad", value, (out, gg, needs) -> new Tensor[] {
            needs[0] ? conv2d(gg, w, null, geo.stride(), geo.pad(), geo.layout()) : null,
            needs[1] ? weightGrad(gg, g, w.shape(), geo) : null}, g, w);
    }

    private static Tensor recordWeightGrad(INDArray value, Tensor x, Tensor g, Geometry geo) {
        // <G, weightGrad(x, g)> = <conv(x, G), g>
        return Tensor.record("conv2dWeightGrad", value, (out, gg, needs) -> new Tensor[] {
            needs[0] ? inputGrad(g, gg, x.shape(), geo) : null,
            needs[1] ? conv2d(x, gg, null, geo.stride(), geo.pad(), geo.layout()) : null}, x, g);
    }

    /** One conv2d_bp call: {input gradient, weight gradient}. */
    private static INDArray[] bp(INDArray x, INDArray w, INDArray g, Geometry geo) {
        INDArray gi = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        INDArray gw = Nd4j.createUninitialized(w.dataType(), w.shape(), 'c');
        Nd4j.exec(geo.op("conv2d_bp", w.shape()).addInputs(x, w, g).addOutputs(gi, gw).build());
        return new INDArray[] {gi, gw};
    }
}
