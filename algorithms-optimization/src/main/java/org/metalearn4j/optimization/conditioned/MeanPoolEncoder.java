package org.metalearn4j.optimization.conditioned;

import java.util.List;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;

/**
 * A permutation-invariant set encoder (deep sets): an MLP applied to every support example's flattened input
 * concatenated with its target, then the mean over the examples. Parameters as {@link Mlp#of} names them.
 */
public final class MeanPoolEncoder implements SupportEncoder {
    private final Sequential net;
    private final int width;

    /** @param pairWidth the width of one (flattened input, target) pair */
    public MeanPoolEncoder(int pairWidth, EncoderConfig config) {
        this.net = Mlp.of(pairWidth, config.hidden(), config.width());
        this.width = config.width();
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return net.parameterSpecs();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public Tensor encode(Params params, Tensor x, Tensor targets) {
        long n = x.shape()[0];
        Tensor pairs = Tensor.concat(1, List.of(x.reshape(n, x.length() / n), targets));
        return net.forward(params, pairs, ForwardContext.eval()).mean(true, 0);
    }
}
