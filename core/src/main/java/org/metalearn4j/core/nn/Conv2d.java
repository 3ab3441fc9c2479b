package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.Tensor;

/** 2-D convolution on NCHW input with {@code weight [out, in, k, k]} and optional {@code bias [out]}. */
public record Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias) implements Module {
    public Conv2d {
        if (in < 1 || out < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("Conv2d: in, out, kernel, stride must be >= 1 and padding >= 0, got "
                    + this);
        }
    }

    /** A square kernel with stride 1, the given padding and a bias. */
    public Conv2d(int in, int out, int kernel, int padding) {
        this(in, out, kernel, 1, padding, true);
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        long fanIn = (long) in * kernel * kernel;
        ParameterSpec w = new ParameterSpec("weight", new long[] {out, in, kernel, kernel}, Init.fanIn(fanIn));
        return bias ? List.of(w, new ParameterSpec("bias", new long[] {out}, Init.fanIn(fanIn))) : List.of(w);
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return bias ? x.conv2d(params.get("weight"), params.get("bias"), stride, padding)
                : x.conv2d(params.get("weight"), stride, padding);
    }
}
