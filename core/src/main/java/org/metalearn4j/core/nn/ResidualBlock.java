package org.metalearn4j.core.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.Tensor;

/**
 * One ResNet-12 block (Oreshkin et al. 2018, Lee et al. 2019) on channels-last images: three 3x3 convolutions
 * without bias, each followed by batch norm, with leaky ReLU after the first two; a 1x1 convolution and batch norm on
 * the shortcut; their sum through leaky ReLU and a 2x2 max-pool. The pool runs before the activation: leaky ReLU is
 * increasing, so both orders give the same values and route the gradient to the same window maximum, and the
 * activation then touches a quarter of the elements. Parameters {@code conv1..3.weight}, {@code bn1..3.weight|bias},
 * {@code shortcut.conv.weight}, {@code shortcut.bn.weight|bias}.
 */
public final class ResidualBlock implements Module {
    private final Sequential main;
    private final Sequential shortcut;
    private final double negativeSlope;

    /**
     * @param in            input channels
     * @param out           output channels of every convolution
     * @param negativeSlope the leaky ReLU's slope for negative inputs (0.1 in the papers)
     */
    public ResidualBlock(int in, int out, double negativeSlope) {
        if (in < 1 || out < 1 || !(negativeSlope >= 0 && negativeSlope < 1)) {
            throw new IllegalArgumentException("ResidualBlock: need in, out >= 1 and negativeSlope in [0, 1), got "
                    + in + ", " + out + ", " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
        LinkedHashMap<String, Module> layers = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            layers.put("conv" + i, new Conv2d(i == 1 ? in : out, out, 3, 1, 1, false, ImageLayout.NHWC));
            layers.put("bn" + i, new BatchNorm2d(out, ImageLayout.NHWC));
            if (i < 3) {
                layers.put("relu" + i, Activation.leakyRelu(negativeSlope));
            }
        }
        this.main = Sequential.named(layers);
        LinkedHashMap<String, Module> projection = new LinkedHashMap<>();
        projection.put("conv", new Conv2d(in, out, 1, 1, 0, false, ImageLayout.NHWC));
        projection.put("bn", new BatchNorm2d(out, ImageLayout.NHWC));
        this.shortcut = Sequential.named(projection);
    }

    @Override
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>(main.parameterSpecs());
        shortcut.parameterSpecs().forEach(s -> specs.add(s.prefixed("shortcut")));
        return specs;
    }

    /** Channels-last input {@code [N, H, W, in]} to {@code [N, H/2, W/2, out]}. */
    @Override
    public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
        Tensor sum = main.forward(params, x, ctx).add(shortcut.forward(params.scope("shortcut"), x, ctx));
        return sum.maxPool2d(2, ImageLayout.NHWC).leakyRelu(negativeSlope);
    }
}
