package org.metalearn4j.core.nn;

import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.tensor.ShapeException;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The body of a convolutional backbone whose four blocks each halve the image ({@link Conv4}, {@link ResNet12}), run
 * channels last ({@link org.metalearn4j.core.tensor.ImageLayout#NHWC}) behind an NCHW interface: the input is viewed as
 * NHWC (free for one channel, a copy otherwise) and the features leave flattened in NCHW order, so a head sees the same
 * vector whichever layout the blocks ran in. Channels last is the layout oneDNN's convolution and pooling kernels use
 * natively; in NCHW each kernel call reorders its input and output (BENCHMARKS.md, "Conv4 layout and step arenas").
 *
 * @param name        the backbone's name, for messages
 * @param outChannels channels of the last block's output
 * @param blocks      the four blocks, taking and returning NHWC batches
 */
record ChannelsLastTrunk(String name, int inChannels, int outChannels, Sequential blocks) {
    private static final int HALVINGS = 4;

    /** Length of the feature vector for {@code height x width} inputs. */
    long featureSize(long height, long width) {
        for (int b = 0; b < HALVINGS; b++) {
            height /= 2;
            width /= 2;
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(name + ": input smaller than 16x16 pools away to nothing");
        }
        return outChannels * height * width;
    }

    /** The blocks' parameters. */
    List<ParameterSpec> parameterSpecs() {
        return blocks.parameterSpecs();
    }

    /** Features {@code [N, featureSize]} of an NCHW batch {@code [N, inChannels, H, W]}. */
    Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        long[] s = x.shape();
        if (s.length != 4 || s[1] != inChannels || s[2] < 16 || s[3] < 16) {
            throw new ShapeException(name + ": expected input [N, " + inChannels + ", H, W] with H, W >= 16 (four"
                    + " 2x2 poolings), got " + Arrays.toString(s));
        }
        // one channel: NCHW and NHWC hold the same bytes
        Tensor channelsLast = s[1] == 1 ? x.reshape(s[0], s[2], s[3], 1) : x.permute(0, 2, 3, 1);
        Tensor features = blocks.forward(params, channelsLast, ctx);
        long[] f = features.shape();
        Tensor nchw = f[1] == 1 && f[2] == 1 ? features : features.permute(0, 3, 1, 2);
        return nchw.reshape(f[0], nchw.length() / f[0]);
    }
}
