package org.metalearn4j.core.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.ShapeException;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The standard few-shot backbone: 4 blocks of [conv 3x3 (padding 1) with {@code hidden} channels, batch norm, ReLU,
 * max-pool 2], then flatten. Each block applies the pool before the ReLU, which computes the same function and
 * gradient more cheaply. Parameters: {@code "<block>.conv.weight", "<block>.conv.bias", "<block>.bn.weight",
 * "<block>.bn.bias"} for blocks 0..3. A 28x28 input gives {@code hidden} features (28 -> 14 -> 7 -> 3 -> 1).
 *
 * <p>Input and features are as for NCHW; inside, the blocks run channels last ({@link ImageLayout#NHWC}), the layout
 * oneDNN's direct convolution and pooling kernels use natively: in NCHW each kernel call reorders its input and output,
 * which cost more than the convolutions themselves (BENCHMARKS.md, "Conv4 layout and step arenas").
 */
public final class Conv4 implements Module {
    private final int inChannels;
    private final int hidden;
    private final Sequential body;

    public Conv4(int inChannels, int hidden) {
        if (inChannels < 1 || hidden < 1) {
            throw new IllegalArgumentException("Conv4: inChannels and hidden must be >= 1, got " + inChannels + ", "
                    + hidden);
        }
        this.inChannels = inChannels;
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
            block.put("relu", Activation.relu());
            blocks.put(Integer.toString(b), Sequential.named(block));
        }
        this.body = Sequential.named(blocks);
    }

    /** The usual width of 64 channels. */
    public Conv4(int inChannels) {
        this(inChannels, 64);
    }

    /** Length of the feature vector for {@code height x width} inputs. */
    public long featureSize(long height, long width) {
        for (int b = 0; b < 4; b++) {
            height /= 2;
            width /= 2;
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("Conv4: input smaller than 16x16 pools away to nothing");
        }
        return hidden * height * width;
    }

    public int hidden() {
        return hidden;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return body.parameterSpecs();
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        long[] s = x.shape();
        if (s.length != 4 || s[1] != inChannels || s[2] < 16 || s[3] < 16) {
            throw new ShapeException("Conv4: expected input [N, " + inChannels + ", H, W] with H, W >= 16 (four"
                    + " 2x2 poolings), got " + Arrays.toString(s));
        }
        // one channel: NCHW and NHWC hold the same bytes
        Tensor channelsLast = s[1] == 1 ? x.reshape(s[0], s[2], s[3], 1) : x.permute(0, 2, 3, 1);
        Tensor features = body.forward(params, channelsLast, ctx);
        long[] f = features.shape();
        // features in NCHW order, so a head sees the same vector whichever layout the blocks ran in
        Tensor nchw = f[1] == 1 && f[2] == 1 ? features : features.permute(0, 3, 1, 2);
        return nchw.reshape(f[0], nchw.length() / f[0]);
    }
}
