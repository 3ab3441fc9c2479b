package org.metalearn4j.model.generative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.nn.Conv2d;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.Tensor;

/**
 * A convolutional image decoder in the style of DCGAN's generator: a linear layer ({@code project}) maps each input
 * vector to a {@code channels}-channel map at a quarter of the image's height and width, then two rounds of
 * nearest-neighbour upsampling by 2 and a 3x3 convolution ({@code conv1} to {@code channels / 2} channels with ReLU,
 * {@code conv2} to the image's channels) give the image's logits. Like an MLP decoder it maps {@code [..., in]} to
 * {@code [..., C * H * W]} (values in C, H, W order), so it can stand wherever one does. Neighbouring output pixels
 * share features, which an MLP decoder has to learn pixel by pixel.
 * Upsampling is a reshape, a broadcast and a reshape, so every order of derivative is exact.
 */
public final class UpsamplingDecoder implements Module {
    private final long[] exampleShape;
    private final int channels;
    private final Linear project;
    private final Conv2d conv1;
    private final Conv2d conv2;

    /**
     * @param in           width of each input vector
     * @param exampleShape {@code [C, H, W]} of one image; H and W multiples of 4
     * @param channels     channels of the quarter-resolution map, at least 2
     */
    public UpsamplingDecoder(int in, long[] exampleShape, int channels) {
        if (exampleShape.length != 3 || exampleShape[1] % 4 != 0 || exampleShape[2] % 4 != 0 || exampleShape[1] < 4
                || exampleShape[2] < 4) {
            throw new IllegalArgumentException("decoder architecture 'conv' needs images [channels, height, width]"
                    + " whose height and width are multiples of 4, got examples of shape "
                    + Arrays.toString(exampleShape) + "; use 'mlp' for these examples");
        }
        if (in < 1 || channels < 2) {
            throw new IllegalArgumentException("UpsamplingDecoder: in must be >= 1 and channels >= 2, got in=" + in
                    + ", channels=" + channels);
        }
        this.exampleShape = exampleShape.clone();
        this.channels = channels;
        this.project = new Linear(in, Math.toIntExact(channels * (exampleShape[1] / 4) * (exampleShape[2] / 4)));
        this.conv1 = new Conv2d(channels, channels / 2, 3, 1, 1, true, ImageLayout.NHWC);
        this.conv2 = new Conv2d(channels / 2, Math.toIntExact(exampleShape[0]), 3, 1, 1, true, ImageLayout.NHWC);
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        project.parameterSpecs().forEach(s -> specs.add(s.prefixed("project")));
        conv1.parameterSpecs().forEach(s -> specs.add(s.prefixed("conv1")));
        conv2.parameterSpecs().forEach(s -> specs.add(s.prefixed("conv2")));
        return specs;
    }

    /** Logits {@code [..., C * H * W]} of the images decoded from {@code x [..., in]}. */
    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        long[] shape = x.shape();
        long count = Arrays.stream(shape, 0, shape.length - 1).reduce(1, Math::multiplyExact);
        Tensor map = project.forward(params.scope("project"), x.reshape(count, shape[shape.length - 1]), ctx).relu()
                .reshape(count, exampleShape[1] / 4, exampleShape[2] / 4, channels);
        Tensor hidden = conv1.forward(params.scope("conv1"), upsample(map), ctx).relu();
        long[] out = shape.clone();
        out[out.length - 1] = exampleShape[0] * exampleShape[1] * exampleShape[2];
        return conv2.forward(params.scope("conv2"), upsample(hidden), ctx).permute(0, 3, 1, 2).reshape(out);
    }

    /** {@code [n, h, w, c]} to {@code [n, 2h, 2w, c]}, each pixel repeated in a 2x2 block. */
    private static Tensor upsample(Tensor x) {
        long[] s = x.shape();
        return x.reshape(s[0], s[1], 1, s[2], 1, s[3]).expand(s[0], s[1], 2, s[2], 2, s[3])
                .reshape(s[0], 2 * s[1], 2 * s[2], s[3]);
    }
}
