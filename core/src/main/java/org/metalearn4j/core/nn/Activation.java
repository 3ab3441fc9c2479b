package org.metalearn4j.core.nn;

import java.util.List;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.tensor.Tensor;

/** An elementwise nonlinearity as a module without parameters. */
public record Activation(String name, UnaryOperator<Tensor> function) implements Module {
    public static Activation relu() {
        return new Activation("relu", Tensor::relu);
    }

    public static Activation tanh() {
        return new Activation("tanh", Tensor::tanh);
    }

    public static Activation sigmoid() {
        return new Activation("sigmoid", Tensor::sigmoid);
    }

    public static Activation softplus() {
        return new Activation("softplus", Tensor::softplus);
    }

    public static Activation leakyRelu(double negativeSlope) {
        return new Activation("leakyRelu(" + negativeSlope + ")", x -> x.leakyRelu(negativeSlope));
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of();
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return function.apply(x);
    }
}
