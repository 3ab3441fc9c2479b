package org.metalearn4j.core.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.metalearn4j.core.tensor.ShapeException;
import org.metalearn4j.core.tensor.Tensor;

/**
 * ResNet-12, the deeper few-shot backbone (TADAM, MetaOptNet): four {@link ResidualBlock}s of three 3x3 convolutions
 * each, every block halving the image, then flatten. Parameters {@code "<block>.<name>"} for blocks 0..3 with the
 * block's names. A 28x28 input gives {@code channels[3]} features (28 -> 14 -> 7 -> 3 -> 1).
 *
 * <p>Like {@link Conv4} it takes and returns NCHW-ordered data and runs channels last inside, where oneDNN's
 * convolution and pooling kernels need no reordering.
 */
public final class ResNet12 implements Module {
    private final int inChannels;
    private final int[] channels;
    private final Sequential body;

    /**
     * @param channels      output channels of the four blocks, e.g. {@code 64, 160, 320, 640}
     * @param negativeSlope the leaky ReLU's slope for negative inputs
     */
    public ResNet12(int inChannels, int[] channels, double negativeSlope) {
        if (inChannels < 1 || channels.length != 4 || Arrays.stream(channels).anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("ResNet12: need inChannels >= 1 and four block widths >= 1, got "
                    + inChannels + " and " + Arrays.toString(channels));
        }
        this.inChannels = inChannels;
        this.channels = channels.clone();
        LinkedHashMap<String, Module> blocks = new LinkedHashMap<>();
        for (int b = 0; b < 4; b++) {
            blocks.put(Integer.toString(b), new ResidualBlock(b == 0 ? inChannels : channels[b - 1], channels[b],
                    negativeSlope));
        }
        this.body = Sequential.named(blocks);
    }

    /** Length of the feature vector for {@code height x width} inputs. */
    public long featureSize(long height, long width) {
        for (int b = 0; b < 4; b++) {
            height /= 2;
            width /= 2;
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("ResNet12: input smaller than 16x16 pools away to nothing");
        }
        return channels[3] * height * width;
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        return body.parameterSpecs();
    }

    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        long[] s = x.shape();
        if (s.length != 4 || s[1] != inChannels || s[2] < 16 || s[3] < 16) {
            throw new ShapeException("ResNet12: expected input [N, " + inChannels + ", H, W] with H, W >= 16 (four"
                    + " 2x2 poolings), got " + Arrays.toString(s));
        }
        Tensor channelsLast = s[1] == 1 ? x.reshape(s[0], s[2], s[3], 1) : x.permute(0, 2, 3, 1);
        Tensor features = body.forward(params, channelsLast, ctx);
        long[] f = features.shape();
        Tensor nchw = f[1] == 1 && f[2] == 1 ? features : features.permute(0, 3, 1, 2);
        return nchw.reshape(f[0], nchw.length() / f[0]);
    }
}
