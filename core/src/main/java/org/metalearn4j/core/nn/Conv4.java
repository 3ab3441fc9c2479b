package org.metalearn4j.core.nn;

import java.util.LinkedHashMap;
import java.util.List;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The standard few-shot backbone: 4 blocks of [conv 3x3 (padding 1) with {@code hidden} channels, batch norm, ReLU,
 * max-pool 2], then flatten. Each block applies the pool before the ReLU, which computes the same function and
 * gradient more cheaply. Parameters: {@code "<block>.conv.weight", "<block>.conv.bias", "<block>.bn.weight",
 * "<block>.bn.bias"} for blocks 0..3. A 28x28 input gives {@code hidden} features (28 -> 14 -> 7 -> 3 -> 1).
 *
 * <p>Without the final ReLU the last block is conv, batch norm, max-pool: signed features, which a cosine classifier
 * needs to use all angles.
 *
 * <p>Input and features are as for NCHW; inside, the blocks run channels last ({@link ChannelsLastTrunk}).
 */
public final class Conv4 implements Module {
    private final int hidden;
    private final ChannelsLastTrunk trunk;

    /**
     * @param inChannels channels of the input images
     * @param hidden     channels of every block
     * @param finalRelu  whether the last block ends with its ReLU
     */
    public Conv4(int inChannels, int hidden, boolean finalRelu) {
        if (inChannels < 1 || hidden < 1) {
            throw new IllegalArgumentException("Conv4: inChannels and hidden must be >= 1, got " + inChannels + ", "
                    + hidden);
        }
        this.hidden = hidden;
        LinkedHashMap<String, Module> blocks = new LinkedHashMap<>();
        for (int b = 0; b < 4; b++) {
            LinkedHashMap<String, Module> block = new LinkedHashMap<>();
            block.put("conv", new Conv2d(b == 0 ? inChannels : hidden, hidden, 3, 1, 1, true, ImageLayout.NHWC));
            block.put("bn", new BatchNorm2d(hidden, ImageLayout.NHWC));
            // max-pool before ReLU: relu(max(x)) = max(relu(x)) with the same gradient (ReLU is monotone and both
            // route the gradient to the window's argmax, zeroed where the maximum is <= 0), at a quarter of the
            // elements for the ReLU and its backward.
            block.put("pool", new MaxPool2d(2, ImageLayout.NHWC));
            if (b < 3 || finalRelu) {
                block.put("relu", Activation.relu());
            }
            blocks.put(Integer.toString(b), Sequential.named(block));
        }
        this.trunk = new ChannelsLastTrunk("Conv4", inChannels, hidden, Sequential.named(blocks));
    }

    /** The standard Conv4: every block ends with its ReLU. */
    public Conv4(int inChannels, int hidden) {
        this(inChannels, hidden, true);
    }

    /** The usual width of 64 channels. */
    public Conv4(int inChannels) {
        this(inChannels, 64);
    }

    /** Length of the feature vector for {@code height x width} inputs. */
    public long featureSize(long height, long width) {
        return trunk.featureSize(height, width);
    }

    public int hidden() {
        return hidden;
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
