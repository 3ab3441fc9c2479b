package org.metalearn4j.core.tensor;

/**
 * The backward formula of an op with several outputs, written with differentiable {@link Tensor} ops (the
 * multi-output counterpart of {@link Backward}). Implementations must not mutate {@code grads}, {@code outs} or any
 * input value.
 *
 * @see Op#recordAll(String, org.nd4j.linalg.api.ndarray.INDArray[], MultiBackward, MultiArrayBackward, Tensor...)
 */
@FunctionalInterface
public interface MultiBackward {
    /**
     * @param outs  the op's outputs
     * @param grads gradient of the objective with respect to each output, zeros for an output nothing used
     * @param needs which inputs need a gradient; entries for the others may be {@code null}
     * @return one gradient per input, each with the shape of that input
     */
    Tensor[] apply(Tensor[] outs, Tensor[] grads, boolean[] needs);
}
