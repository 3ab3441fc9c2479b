package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A first-order backward formula on plain arrays: no graph is recorded, so it may use fused native kernels, in-place
 * updates of the arrays it creates, and closed forms that are not themselves differentiable. Used by
 * {@link Op#record(String, INDArray, Backward, ArrayBackward, Tensor...)} whenever the backward pass is not being
 * recorded; implementations must not mutate {@code grad}, {@code out} or any input value.
 */
@FunctionalInterface
public interface ArrayBackward {
    /**
     * @param out   the op's output
     * @param grad  gradient of the objective with respect to {@code out}
     * @param needs which inputs need a gradient; entries for the others may be {@code null}
     * @return one gradient per input, each with the shape of that input
     */
    INDArray[] apply(INDArray out, INDArray grad, boolean[] needs);
}
