package org.metalearn4j.core.optim;

import java.util.List;

/**
 * What a training loop, not the optimizer's own config, decides: the base learning rate (a stage's {@code lr}) and
 * per-prefix {@link ParamGroup}s such as frozen parameters (learning rate 0) or per-layer rates.
 *
 * @param learningRate rate of parameters no group matches
 * @param groups       first matching prefix wins
 */
public record OptimizerSetup(double learningRate, List<ParamGroup> groups) {
    public OptimizerSetup {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate: expected a finite number >= 0, got " + learningRate);
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** One rate for every parameter. */
    public static OptimizerSetup of(double learningRate) {
        return new OptimizerSetup(learningRate, List.of());
    }

    /** The group {@code name} falls into: the first matching prefix, else the base rate without weight decay. */
    public ParamGroup groupOf(String name) {
        return new GroupSettings(learningRate, 0, groups).forName(name);
    }
}
