package org.metalearn4j.core.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A first-order backward formula of an op with several outputs, on plain arrays (the multi-output counterpart of
 * {@link ArrayBackward}); implementations must not mutate {@code grads}, {@code outs} or any input value.
 */
@FunctionalInterface
public interface MultiArrayBackward {
    /**
     * @param outs  the op's outputs
     * @param grads gradient of the objective with respect to each output, zeros for an output nothing used
     * @param needs which inputs need a gradient; entries for the others may be {@code null}
     * @return one gradient per input, each with the shape of that input
     */
    INDArray[] apply(INDArray[] outs, INDArray[] grads, boolean[] needs);
}
