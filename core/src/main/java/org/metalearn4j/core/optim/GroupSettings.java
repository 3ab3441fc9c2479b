package org.metalearn4j.core.optim;

import java.util.List;

/** Resolves a parameter name to the learning rate and weight decay of the first matching {@link ParamGroup}. */
record GroupSettings(double learningRate, double weightDecay, List<ParamGroup> groups) {
    GroupSettings {
        groups = List.copyOf(groups);
    }

    ParamGroup forName(String name) {
        for (ParamGroup g : groups) {
            if (name.startsWith(g.prefix())) {
                return g;
            }
        }
        return new ParamGroup("", learningRate, weightDecay);
    }
}
