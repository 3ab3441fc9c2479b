package org.metalearn4j.core.nn.backbone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.nn.Flatten;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Sequential;

/**
 * {@code mlp}: the flattened input through one Linear + ReLU (or tanh) layer per width (Finn et al.'s 40-40 regression
 * network; 64-64 tanh is their policy network).
 * Parameters {@code <i>.weight, <i>.bias}, with a Flatten at index 0 unless the input is already a vector.
 */
public final class MlpProvider implements BackboneProvider<MlpConfig> {
    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "fully connected Linear + ReLU (or tanh) layers on the flattened input";
    }

    @Override
    public Class<MlpConfig> configType() {
        return MlpConfig.class;
    }

    @Override
    public MlpConfig defaults() {
        return new MlpConfig(List.of(40, 40));
    }

    @Override
    public Backbone create(MlpConfig config, long[] inputShape, BackboneUse use) {
        List<Module> layers = new ArrayList<>();
        if (inputShape.length != 1) {
            layers.add(new Flatten());
        }
        int in = Math.toIntExact(Arrays.stream(inputShape).reduce(1, Math::multiplyExact));
        List<Integer> hidden = config.hidden();
        for (int i = 0; i < hidden.size(); i++) {
            layers.add(new Linear(in, hidden.get(i)));
            if (use == BackboneUse.FEATURES || i < hidden.size() - 1) {
                layers.add(config.activation().module());
            }
            in = hidden.get(i);
        }
        return new Backbone(Sequential.of(layers.toArray(new Module[0])), in);
    }
}
