package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.Tensor;

/** Reshapes {@code [N, ...]} to {@code [N, prod(...)]}; no parameters. */
public record Flatten() implements Module {
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of();
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        long n = x.shape()[0];
        return x.reshape(n, x.length() / n);
    }
}
