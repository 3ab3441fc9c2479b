package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.Tensor;

/**
 * 2-D convolution on input in {@code layout} (NCHW or NHWC, output in the same) with {@code weight [out, in, k, k]} in
 * both layouts and optional {@code bias [out]}.
 */
public record Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias, ImageLayout layout)
        implements Module {
    public Conv2d {
        if (in < 1 || out < 1 || kernel < 1 || stride < 1 || padding < 0 || layout == null) {
            throw new IllegalArgumentException("Conv2d: in, out, kernel, stride must be >= 1, padding >= 0 and a"
                    + " layout given, got " + in + ", " + out + ", " + kernel + ", " + stride + ", " + padding + ", "
                    + layout);
        }
    }

    /** NCHW input. */
    public Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias) {
        this(in, out, kernel, stride, padding, bias, ImageLayout.NCHW);
    }

    /** A square kernel with stride 1, the given padding and a bias, on NCHW input. */
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
        return x.conv2d(params.get("weight"), bias ? params.get("bias") : null, stride, padding, layout);
    }
}
