package org.metalearn4j.core.nn.backbone;

import java.util.Arrays;
import org.metalearn4j.core.nn.Conv4;

/** {@code conv4}: four 3x3 conv / batch-norm / ReLU / max-pool blocks, the standard few-shot backbone for images. */
public final class Conv4Provider implements BackboneProvider<Conv4Config> {
    @Override
    public String name() {
        return "conv4";
    }

    @Override
    public String description() {
        return "four conv 3x3 / batch-norm / ReLU / max-pool 2 blocks, for images of at least 16x16";
    }

    @Override
    public Class<Conv4Config> configType() {
        return Conv4Config.class;
    }

    @Override
    public Conv4Config defaults() {
        return new Conv4Config(64, true);
    }

    @Override
    public Backbone create(Conv4Config config, long[] inputShape, BackboneUse use) {
        // Four 2x2 max-pools halve each side four times: anything under 16 pools away to nothing.
        if (inputShape.length != 3 || inputShape[1] < 16 || inputShape[2] < 16) {
            throw new IllegalArgumentException("backbone.type: conv4 needs images [channels, height, width] of at"
                    + " least 16x16, got input shape " + Arrays.toString(inputShape) + " (use 'mlp' for vectors)");
        }
        Conv4 net = new Conv4(Math.toIntExact(inputShape[0]), config.channels(), config.finalRelu());
        return new Backbone(net, net.featureSize(inputShape[1], inputShape[2]));
    }
}
