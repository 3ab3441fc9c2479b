package org.metalearn4j.core.optim;

import java.util.Objects;

/**
 * Settings for the parameters whose names start with {@code prefix} (e.g. {@code "head."}); the first matching group
 * of an optimizer wins. A learning rate of 0 freezes the group: its parameters are neither updated nor given state.
 */
public record ParamGroup(String prefix, double learningRate, double weightDecay) {
    public ParamGroup {
        Objects.requireNonNull(prefix, "prefix");
        if (!(learningRate >= 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("ParamGroup '" + prefix + "': learningRate and weightDecay must be"
                    + " >= 0, got " + learningRate + ", " + weightDecay);
        }
    }

    /** A group that freezes every parameter under {@code prefix}. */
    public static ParamGroup frozen(String prefix) {
        return new ParamGroup(prefix, 0, 0);
    }
}
