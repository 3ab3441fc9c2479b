package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.Tensor;

/** Max-pooling over non-overlapping {@code kernel x kernel} windows of input in {@code layout}; no parameters. */
public record MaxPool2d(int kernel, ImageLayout layout) implements Module {
    /** NCHW input. */
    public MaxPool2d(int kernel) {
        this(kernel, ImageLayout.NCHW);
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of();
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return x.maxPool2d(kernel, layout);
    }
}
