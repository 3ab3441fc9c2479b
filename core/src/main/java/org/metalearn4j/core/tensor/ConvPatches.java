package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weight gradient of an NHWC convolution as one matrix product: {@code dW[o, k] = sum over (n, p) of dy[n, p, o]
 * * patches[k, (n, p)]}, where the patch matrix holds each input window ({@code k} runs over in channels x kernel
 * positions, {@code p} over output positions). Worth it only for inputs with few channels, where the patch matrix is
 * small and oneDNN's backward would spend most of its time reordering dy (see {@code Conv2dOps}).
 */
final class ConvPatches {
    private ConvPatches() {
    }

    /** {@code x} is {@code [N, H, W, C]}, {@code g} (dy) {@code [N, Ho, Wo, O]}; the result has {@code weightShape}. */
    static INDArray weightGrad(INDArray x, INDArray g, long[] weightShape, int stride, int pad) {
        long n = x.size(0);
        long c = weightShape[1];
        long k = c * weightShape[2] * weightShape[3];
        long outChannels = weightShape[0];
        // libnd4j's im2col reads NCHW: the same bytes for one channel, a transposed copy of the small input otherwise
        INDArray nchw = c == 1 ? x.reshape('c', n, 1, x.size(1), x.size(2)) : x.permute(0, 3, 1, 2).dup('c');
        long ho = g.size(1);
        long wo = g.size(2);
        long[] colsShape = {n, c, weightShape[2], weightShape[3], ho, wo};
        INDArray cols = Nd4j.createUninitialized(x.dataType(), colsShape, 'c');
        Nd4j.exec(DynamicCustomOp.builder("im2col").addIntegerArguments((int) weightShape[2], (int) weightShape[3],
                stride, stride, pad, pad, 1, 1, 0).addInputs(nchw).addOutputs(cols).build());
        long positions = n * ho * wo;
        INDArray patches = cols.reshape('c', n, k, ho * wo).permute(1, 0, 2).dup('c').reshape('c', k, positions);
        INDArray rows = g.reshape('c', positions, outChannels);
        // dW [O, K] = rows^T patches^T: written straight in the weight's [O, C, kH, kW] order
        INDArray dw = Nd4j.createUninitialized(x.dataType(), new long[] {outChannels, k}, 'c');
        Nd4j.gemm(rows, patches, dw, true, true, 1.0, 0.0);
        return dw.reshape('c', weightShape);
    }
}
