package org.metalearn4j.core.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How to add a differentiable op from outside the engine, in the spirit of PyTorch's {@code autograd.Function}: compute
 * the forward value with any ND4J calls, then {@link #record} it with its backward formula. The engine's own ops
 * (matmul, conv2d, batch norm, ...) are written exactly this way.
 *
 * <pre>{@code
 * // y = x^3, with a backward made of differentiable ops so that second derivatives are exact
 * static Tensor cube(Tensor x) {
 *     INDArray y = Transforms.pow(x.value(), 3, true);
 *     return Op.record("cube", y, (out, g, needs) -> new Tensor[] {g.mul(x.square()).mul(3.0)}, x);
 * }
 * }</pre>
 *
 * <p>Rules for a correct op: the forward never mutates its inputs' values; the backward returns one gradient per
 * input with that input's shape ({@code null} where {@code needs} is false) and uses only {@link Tensor} ops (then
 * {@code Autograd.grad(..., createGraph = true)} differentiates it again, to any order). When a fast closed form
 * exists that is not built from differentiable ops, pass it as the {@link ArrayBackward} of
 * {@link #record(String, INDArray, Backward, ArrayBackward, Tensor...)}: it runs for plain first-order gradients, and
 * the differentiable formula runs only when the backward pass is itself being recorded. Check a new op against finite
 * differences in float64, first and second order (core's test-jar has {@code GradCheck}).
 */
public final class Op {
    private Op() {
    }

    /**
     * Records {@code value} as the output of op {@code name} applied to {@code inputs}; a graph node is kept only when
     * grad mode is on and some input requires a gradient.
     *
     * @param name     shown in error messages and profiles
     * @param value    the forward result, a fresh array (or a view nothing will mutate)
     * @param backward the vector-Jacobian product in differentiable ops
     */
    public static Tensor record(String name, INDArray value, Backward backward, Tensor... inputs) {
        return Tensor.record(name, value, backward, inputs);
    }

    /**
     * As {@link #record(String, INDArray, Backward, Tensor...)}, with a fast first-order backward: {@code firstOrder}
     * computes the gradients from arrays whenever the backward pass is not recorded ({@code createGraph = false},
     * the common case), and {@code differentiable} runs when it is (second-order meta-learning), so higher orders
     * stay exact.
     */
    public static Tensor record(String name, INDArray value, Backward differentiable, ArrayBackward firstOrder,
                                Tensor... inputs) {
        return Tensor.record(name, value, (out, grad, needs) -> {
            if (Autograd.isGradEnabled()) {
                return differentiable.apply(out, grad, needs);
            }
            INDArray[] arrays = firstOrder.apply(out.value(), grad.value(), needs);
            Tensor[] grads = new Tensor[arrays.length];
            for (int i = 0; i < arrays.length; i++) {
                grads[i] = arrays[i] == null ? null : Tensor.constant(arrays[i]);
            }
            return grads;
        }, inputs);
    }

    /**
     * The differentiable backward of a fused op whose forward is also written as {@code formula}, the same function in
     * {@link Tensor} ops: it differentiates {@code formula(inputs)} with a recorded backward pass. Fused ops pair it
     * with their fast {@link ArrayBackward}, so that first order runs the fused arrays and higher orders stay exact.
     */
    public static Backward formulaBackward(Function<Tensor[], Tensor> formula, Tensor... inputs) {
        return (out, grad, needs) -> {
            List<Tensor> wanted = new ArrayList<>();
            for (int k = 0; k < inputs.length; k++) {
                if (needs[k]) {
                    wanted.add(inputs[k]);
                }
            }
            List<Tensor> grads = Autograd.grad(List.of(formula.apply(inputs)), List.of(grad), wanted, true, true);
            Tensor[] result = new Tensor[inputs.length];
            for (int k = 0, w = 0; k < inputs.length; k++) {
                result[k] = needs[k] ? grads.get(w++) : null;
            }
            return result;
        };
    }
}
