package org.metalearn4j.model.taskembed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;

/**
 * A permutation-invariant encoder of a set (Deep Sets, Zaheer et al. 2017): every element {@code [n, in]} goes
 * through the {@code element} MLP, the results are averaged, and the {@code set} MLP maps the average to one vector
 * {@code [1, out]}. Averaging makes the output independent of the set's order and comparable across set sizes. The
 * task encoders of this module (hypernetworks, weight generation, the learner-independent task embedding) are all
 * this encoder over different element features.
 *
 * @param in     element width
 * @param hidden width of every hidden layer
 * @param layers hidden layers of the element MLP (the set MLP has one)
 * @param out    output width
 */
public record SetEncoder(int in, int hidden, int layers, int out) implements Module {
    public SetEncoder {
        if (in < 1 || hidden < 1 || layers < 1 || out < 1) {
            throw new IllegalArgumentException("SetEncoder: sizes and layers must be >= 1, got in=" + in + ", hidden="
                    + hidden + ", layers=" + layers + ", out=" + out);
        }
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return parts().parameterSpecs();
    }

    /**
     * The encoding {@code [1, out]} of the set {@code x [n, in]}, or the encodings {@code [B, out]} of a batch of sets
     * of one size {@code x [B, n, in]}; n >= 1.
     */
    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        int setAxis = x.rank() - 2;
        if ((x.rank() != 2 && x.rank() != 3) || x.shape()[x.rank() - 1] != in || x.shape()[setAxis] < 1) {
            throw new IllegalArgumentException("SetEncoder(in=" + in + "): expected a non-empty set [n, " + in
                    + "] or a batch of them [B, n, " + in + "], got " + java.util.Arrays.toString(x.shape()));
        }
        Tensor elements = element().forward(params.scope("element"), x, ctx).relu();
        return set().forward(params.scope("set"), elements.mean(x.rank() == 2, setAxis), ctx);
    }

    private Sequential element() {
        int[] sizes = new int[layers + 1];
        sizes[0] = in;
        java.util.Arrays.fill(sizes, 1, sizes.length, hidden);
        return Mlp.of(sizes);
    }

    private Sequential set() {
        return Mlp.of(hidden, hidden, out);
    }

    private Sequential parts() {
        Map<String, Module> parts = new LinkedHashMap<>();
        parts.put("element", element());
        parts.put("set", set());
        return Sequential.named(parts);
    }
}
