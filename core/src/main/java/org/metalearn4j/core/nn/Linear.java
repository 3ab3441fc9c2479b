package org.metalearn4j.core.nn;

import java.util.List;
import org.metalearn4j.core.tensor.Tensor;

/**
 * {@code y = x W^T + b} with {@code weight [out, in]} and {@code bias [out]} (PyTorch layout and init). Inputs of
 * rank > 2 are treated as batches over all leading axes.
 */
public record Linear(int in, int out, boolean bias) implements Module {
    public Linear {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Linear: in and out must be >= 1, got in=" + in + ", out=" + out);
        }
    }

    public Linear(int in, int out) {
        this(in, out, true);
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        ParameterSpec w = new ParameterSpec("weight", new long[] {out, in}, Init.fanIn(in));
        return bias ? List.of(w, new ParameterSpec("bias", new long[] {out}, Init.fanIn(in))) : List.of(w);
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        long[] shape = x.shape();
        if (shape.length == 0 || shape[shape.length - 1] != in) {
            throw new IllegalArgumentException("Linear(in=" + in + "): input " + params.path() + " has shape "
                    + java.util.Arrays.toString(shape) + ", expected last axis " + in);
        }
        Tensor flat = shape.length == 2 ? x : x.reshape(x.length() / in, in);
        Tensor y = bias ? flat.affine(params.get("weight"), params.get("bias"))
                : flat.matmul(params.get("weight"), false, true);
        if (shape.length == 2) {
            return y;
        }
        shape[shape.length - 1] = out;
        return y.reshape(shape);
    }
}
