package org.metalearn4j.core.nn.backbone;

import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.nn.ResNet12;

/** {@code resnet12}: four residual blocks of three 3x3 convolutions, each halving the image. */
public final class ResNet12Provider implements BackboneProvider<ResNet12Config> {
    @Override
    public String name() {
        return "resnet12";
    }

    @Override
    public String description() {
        return "ResNet-12: four residual blocks of three conv 3x3 / batch-norm / leaky ReLU layers and a max-pool,"
                + " for images of at least 16x16";
    }

    @Override
    public Class<ResNet12Config> configType() {
        return ResNet12Config.class;
    }

    @Override
    public ResNet12Config defaults() {
        return new ResNet12Config(List.of(64, 160, 320, 640), 0.1);
    }

    @Override
    public Backbone create(ResNet12Config config, long[] inputShape, BackboneUse use) {
        if (inputShape.length != 3 || inputShape[1] < 16 || inputShape[2] < 16) {
            throw new IllegalArgumentException("backbone.type: resnet12 needs images [channels, height, width] of at"
                    + " least 16x16, got input shape " + Arrays.toString(inputShape));
        }
        ResNet12 net = new ResNet12(Math.toIntExact(inputShape[0]),
                config.channels().stream().mapToInt(Integer::intValue).toArray(), config.negativeSlope());
        return new Backbone(net, net.featureSize(inputShape[1], inputShape[2]));
    }
}
