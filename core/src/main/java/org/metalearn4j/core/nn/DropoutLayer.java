package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.Dropout;
import org.metalearn4j.core.tensor.Tensor;

/** Dropout with probability {@code p} in training mode (seeded from the context), identity in evaluation mode. */
public record DropoutLayer(double p) implements Module {
    public DropoutLayer {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("DropoutLayer: p must be in [0, 1), got " + p);
        }
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of();
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return ctx.training() ? Dropout.apply(x, p, ctx.nextSeed()) : x;
    }
}
