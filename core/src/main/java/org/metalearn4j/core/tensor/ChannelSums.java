package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-channel sums over every axis but axis 1 of {@code [N,C]} or {@code [N,C,H,W]} arrays, as a matrix-vector
 * product with a ones vector: ND4J's axis reductions run a scalar loop per element, BLAS's gemv streams the array with
 * vector instructions (1.3 against 0.2 ms for 25x64x28x28 float32 on one thread, BENCHMARKS.md).
 */
final class ChannelSums {
    private ChannelSums() {
    }

    /** {@code sum over n, h, w of x[n, c, h, w]}, shape {@code [C]}. */
    static INDArray sum(INDArray x) {
        long n = x.size(0);
        long c = x.size(1);
        if (x.rank() == 2) {
            return x.transpose().mmul(Nd4j.ones(x.dataType(), n));
        }
        long spatial = x.length() / (n * c);
        INDArray perRow = x.reshape('c', n * c, spatial).mmul(Nd4j.ones(x.dataType(), spatial));
        return perRow.reshape(n, c).sum(0);
    }

    /** Per-channel sums of an image batch in {@code layout}: for NHWC a column sum of the {@code [NHW, C]} matrix. */
    static INDArray sum(INDArray x, ImageLayout layout) {
        return layout == ImageLayout.NCHW ? sum(x) : sum(x.reshape('c', x.length() / x.size(3), x.size(3)));
    }

    /**
     * {@code sum over n, h, w of a[n, c, h, w] * b[n, c, h, w]}, shape {@code [C]}. The products are formed a block of
     * rows (axis 0) at a time in one small scratch array: a whole-batch product would be a temporary as large as the
     * largest activation, and inside a step arena nothing is freed before the step ends (issue 26, peak memory).
     */
    static INDArray dot(INDArray a, INDArray b) {
        INDArray[] total = new INDArray[1];
        RowBlocks.forEach(a, (start, end, product) -> {
            Nd4j.exec(DynamicCustomOp.builder("multiply").addInputs(RowBlocks.rows(a, start, end),
                    RowBlocks.rows(b, start, end)).addOutputs(product).build());
            INDArray part = sum(product);
            total[0] = total[0] == null ? part : total[0].addi(part);
        });
        return total[0];
    }
}
