package org.metalearn4j.core.tensor;

/**
 * The backward formula of one recorded op, written with differentiable {@link Tensor} ops so that gradients of
 * gradients are exact (what PyTorch's {@code autograd.Function.backward} is when it only uses differentiable ops).
 * Implementations must not mutate {@code grad}, {@code out} or any input value.
 *
 * @see Op#record(String, org.nd4j.linalg.api.ndarray.INDArray, Backward, Tensor...)
 */
@FunctionalInterface
public interface Backward {
    /**
     * @param out   the op's output (lets formulas such as exp or softmax reuse it)
     * @param grad  gradient of the objective with respect to {@code out}
     * @param needs which inputs need a gradient; entries for the others may be {@code null}
     * @return one gradient per input, each with the shape of that input
     */
    Tensor[] apply(Tensor out, Tensor grad, boolean[] needs);
}
