package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code x W^T + b} as one recorded op: small problems are two BLAS calls like PyTorch's addmm (bias rows, then the
 * product accumulated onto them, {@link SmallGemm#affine}), larger ones add the bias in place into the product's buffer
 * (by the cheap {@code biasadd} kernel); the first-order
 * backward computes only the gradients that are needed straight from the arrays, without graph bookkeeping
 * ({@link Op#record(String, INDArray, Backward, ArrayBackward, Tensor...)}). ND4J's fused
 * {@code xw_plus_b} / {@code xw_plus_b_bp} were measured 5x and 100x slower than these calls on 10x40 inputs.
 */
final class Affine {
    private Affine() {
    }

    static Tensor affine(Tensor x, Tensor weight, Tensor bias) {
        Shapes.sameType("affine", x, weight);
        Shapes.sameType("affine", x, bias);
        long[] sx = x.shape();
        long[] sw = weight.shape();
        long[] sb = bias.shape();
        if (sx.length != 2 || sw.length != 2 || sb.length != 1 || sx[1] != sw[1] || sb[0] != sw[0]) {
            throw ShapeException.of("affine", "expected x [N, in], weight [out, in] and bias [out], got bias "
                    + java.util.Arrays.toString(sb), "x", sx, "weight", sw);
        }
        INDArray y = Nd4j.createUninitialized(x.dataType(), new long[] {sx[0], sw[0]}, 'c');
        if (!SmallGemm.affine(x.value(), weight.value(), bias.value(), y, sx[0], sw[0], sx[1])) {
            MatMul.productInto(x.value(), weight.value(), false, true, y);
            BinaryKernels.addLastAxis(y, bias.value(), y);
        }
        return Op.record("affine", y, (out, g, needs) -> recordedBackward(x, weight, g, needs),
                (out, g, needs) -> directBackward(x, weight, g, needs), x, weight, bias);
    }

    private static Tensor[] recordedBackward(Tensor x, Tensor weight, Tensor g, boolean[] needs) {
        return new Tensor[] {
            needs[0] ? g.matmul(weight) : null,
            needs[1] ? g.matmul(x, true, false) : null,
            needs[2] ? g.sum(false, 0) : null};
    }

    private static INDArray[] directBackward(Tensor x, Tensor weight, INDArray g, boolean[] needs) {
        return new INDArray[] {
            needs[0] ? MatMul.product(g, weight.value(), false, false, x.value().shape()) : null,
            needs[1] ? MatMul.product(g, x.value(), true, false, weight.value().shape()) : null,
            needs[2] ? columnSums(g) : null};
    }

    /** The bias gradient: g summed over its rows. */
    private static INDArray columnSums(INDArray g) {
        INDArray sums = Nd4j.createUninitialized(g.dataType(), new long[] {g.size(1)}, 'c');
        return SmallGemm.columnSums(g, sums) ? sums : g.sum(0);
    }
}
