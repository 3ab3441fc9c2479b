package org.metalearn4j.model.hyper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.nn.Init;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * An MLP whose weights are generated from a task embedding (a hypernetwork): every weight matrix and bias of the
 * target network {@code sizes[0] -> ... -> sizes[last]} (ReLU between layers) is {@code base + e G}, an affine map of
 * the embedding {@code e [1, embedding]}. The bases start as a normal MLP's initialisation (PyTorch's fan-in uniform)
 * and the generator matrices small ({@value #GENERATOR_STD} standard deviation), so training starts from one shared
 * network that the embedding then modulates per task. Parameters {@code layer<k>.weight.base [out*in]},
 * {@code layer<k>.weight.generator [out*in, embedding]}, and the same for {@code bias}.
 *
 * @param sizes     widths of the target network, input first
 * @param embedding length of the task embedding
 */
public record GeneratedMlp(int[] sizes, int embedding) {
    /** Standard deviation of the generator matrices at initialisation. */
    public static final double GENERATOR_STD = 0.01;

    public GeneratedMlp {
        if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1) || embedding < 1) {
            throw new IllegalArgumentException("GeneratedMlp: need at least two positive widths and a positive"
                    + " embedding, got " + Arrays.toString(sizes) + " and " + embedding);
        }
        sizes = sizes.clone();
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** The generator's parameters. */
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.length; k++) {
            Init base = Init.fanIn(sizes[k]);
            for (String part : new String[] {"weight", "bias"}) {
                long size = part.equals("weight") ? (long) sizes[k + 1] * sizes[k] : sizes[k + 1];
                String name = "layer" + k + "." + part;
                specs.add(new ParameterSpec(name + ".base", new long[] {size}, base));
                specs.add(new ParameterSpec(name + ".generator", new long[] {size, embedding},
                        new Init.Normal(GENERATOR_STD)));
            }
        }
        return specs;
    }

    /** The target network's weights for embedding {@code e [1, embedding]}: per layer a weight and a bias. */
    public List<Tensor> weights(Params params, Tensor e) {
        List<Tensor> out = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.length; k++) {
            Params layer = params.scope("layer" + k);
            Tensor w = e.affine(layer.get("weight.generator"), layer.get("weight.base"));
            out.add(w.reshape(sizes[k + 1], sizes[k]));
            out.add(e.affine(layer.get("bias.generator"), layer.get("bias.base")).reshape(sizes[k + 1]));
        }
        return out;
    }

    /** The target network on {@code x [n, sizes[0]]} with {@link #weights}. */
    public Tensor forward(List<Tensor> weights, Tensor x) {
        Tensor h = x;
        for (int k = 0; k + 1 < sizes.length; k++) {
            h = h.affine(weights.get(2 * k), weights.get(2 * k + 1));
            if (k + 2 < sizes.length) {
                h = h.relu();
            }
        }
        return h;
    }
}
