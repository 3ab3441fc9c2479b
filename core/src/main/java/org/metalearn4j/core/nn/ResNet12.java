package org.metalearn4j.core.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.metalearn4j.core.tensor.Tensor;

/**
 * ResNet-12, the deeper few-shot backbone (TADAM, MetaOptNet): four {@link ResidualBlock}s of three 3x3 convolutions
 * each, every block halving the image, then flatten. Parameters {@code "<block>.<name>"} for blocks 0..3 with the
 * block's names. A 28x28 input gives {@code channels[3]} features (28 -> 14 -> 7 -> 3 -> 1).
 *
 * <p>Like {@link Conv4} it takes and returns NCHW-ordered data and runs channels last inside
 * ({@link ChannelsLastTrunk}).
 */
public final class ResNet12 implements Module {
    private final ChannelsLastTrunk trunk;

    /**
     * @param channels      output channels of the four blocks, e.g. {@code 64, 160, 320, 640}
     * @param negativeSlope the leaky ReLU's slope for negative inputs
     */
    public ResNet12(int inChannels, int[] channels, double negativeSlope) {
        if (inChannels < 1 || channels.length != 4 || Arrays.stream(channels).anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("ResNet12: need inChannels >= 1 and four block widths >= 1, got "
                    + inChannels + " and " + Arrays.toString(channels));
        }
        LinkedHashMap<String, Module> blocks = new LinkedHashMap<>();
        for (int b = 0; b < 4; b++) {
            blocks.put(Integer.toString(b), new ResidualBlock(b == 0 ? inChannels : channels[b - 1], channels[b],
                    negativeSlope));
        }
        this.trunk = new ChannelsLastTrunk("ResNet12", inChannels, channels[3], Sequential.named(blocks));
    }

    /** Length of the feature vector for {@code height x width} inputs. */
    public long featureSize(long height, long width) {
        return trunk.featureSize(height, width);
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return trunk.parameterSpecs();
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        return trunk.forward(params, x, ctx);
    }
}
