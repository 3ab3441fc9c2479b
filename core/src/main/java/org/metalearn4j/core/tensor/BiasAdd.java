package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code rows += bias} in place for modules that compute on raw arrays (fused forwards such as {@code LstmCell}),
 * through the same {@code biasadd} kernel as {@link Tensor#add} and the affine op. Use it instead of ND4J's
 * {@code addiRowVector}: in ND4J 1.0.0-M2.1 that legacy broadcast hands the native kernel a dimension array that only
 * the op object holds, and the op is unreachable during the call, so a garbage collection in that window frees the
 * array under the kernel (SIGSEGV in {@code DataBuffer::primary}, seen twice in 30-minute LSTM runs).
 */
public final class BiasAdd {
    private BiasAdd() {
    }

    /** Adds {@code bias} (length = the last axis of {@code rows}) to every row of {@code rows}; returns {@code rows}. */
    public static INDArray inPlace(INDArray rows, INDArray bias) {
        return BinaryKernels.addLastAxis(rows, bias, rows);
    }
}
