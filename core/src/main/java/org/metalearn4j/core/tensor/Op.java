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
            return constants(firstOrder.apply(out.value(), grad.value(), needs));
        }, inputs);
    }

    /**
     * Records an op with several outputs, such as an LSTM step's hidden and cell state, so that each output is a
     * tensor of its own: no concatenated result to slice, and no zero-padded slice gradients to add up in the
     * backward pass. The backward runs once with the gradients of all outputs (zeros for an output nothing used):
     * {@code firstOrder} on arrays when the backward pass is not recorded, {@code differentiable} when it is.
     *
     * @param values the forward results, fresh arrays (or views nothing will mutate), one per output
     * @return one tensor per value, in order
     */
    public static Tensor[] recordAll(String name, INDArray[] values, MultiBackward differentiable,
                                     MultiArrayBackward firstOrder, Tensor... inputs) {
        return Tensor.recordAll(name, values, (outs, grads, needs) -> {
            if (Autograd.isGradEnabled()) {
                return differentiable.apply(outs, grads, needs);
            }
            INDArray[] outValues = new INDArray[outs.length];
            INDArray[] gradValues = new INDArray[grads.length];
            for (int k = 0; k < outs.length; k++) {
                outValues[k] = outs[k].value();
                gradValues[k] = grads[k].value();
            }
            return constants(firstOrder.apply(outValues, gradValues, needs));
        }, inputs);
    }

    /** A first-order backward's arrays as constant tensors, {@code null} where an input needs no gradient. */
    private static Tensor[] constants(INDArray[] arrays) {
        Tensor[] grads = new Tensor[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            grads[i] = arrays[i] == null ? null : Tensor.constant(arrays[i]);
        }
        return grads;
    }

    /**
     * The differentiable backward of a fused op with several outputs whose forward is also written as
     * {@code formula}, the same function in {@link Tensor} ops returning the outputs in order: it differentiates
     * {@code formula(inputs)} with a recorded backward pass, as {@link #formulaBackward} does for one output.
     */
    public static MultiBackward formulaBackwardAll(Function<Tensor[], List<Tensor>> formula, Tensor... inputs) {
        return (outs, grads, needs) -> differentiate(formula.apply(inputs), List.of(grads), inputs, needs);
    }

    /**
     * The differentiable backward of a fused op whose forward is also written as {@code formula}, the same function in
     * {@link Tensor} ops: it differentiates {@code formula(inputs)} with a recorded backward pass. Fused ops pair it
     * with their fast {@link ArrayBackward}, so that first order runs the fused arrays and higher orders stay exact.
     */
    public static Backward formulaBackward(Function<Tensor[], Tensor> formula, Tensor... inputs) {
        return (out, grad, needs) -> differentiate(List.of(formula.apply(inputs)), List.of(grad), inputs, needs);
    }

    /** The vector-Jacobian product of {@code outputs} with {@code grads}, recorded, for the inputs that need one. */
    private static Tensor[] differentiate(List<Tensor> outputs, List<Tensor> grads, Tensor[] inputs, boolean[] needs) {
        List<Tensor> wanted = new ArrayList<>();
        for (int k = 0; k < inputs.length; k++) {
            if (needs[k]) {
                wanted.add(inputs[k]);
            }
        }
        List<Tensor> found = Autograd.grad(outputs, grads, wanted, true, true);
        Tensor[] result = new Tensor[inputs.length];
        for (int k = 0, w = 0; k < inputs.length; k++) {
            result[k] = needs[k] ? found.get(w++) : null;
        }
        return result;
    }
}
