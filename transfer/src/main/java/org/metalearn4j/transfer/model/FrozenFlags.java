package org.metalearn4j.transfer.model;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.metalearn4j.core.state.StateDict;

/**
 * Trainable/frozen flags of every parameter, stored in the artifact's state as {@code trainable.<name>} = 1 or 0, so
 * a frozen layer stays frozen after save and load (DL4J's transfer API loses this).
 */
public final class FrozenFlags {
    static final String PREFIX = "trainable.";

    private FrozenFlags() {
    }

    public static void write(StateDict state, Collection<String> parameterNames, Set<String> frozen) {
        for (String name : parameterNames) {
            state.putLongs(PREFIX + name, frozen.contains(name) ? 0 : 1);
        }
    }

    /** Names flagged frozen; empty when the state carries no flags. */
    public static Set<String> read(StateDict state) {
        Set<String> frozen = new LinkedHashSet<>();
        state.withPrefix(PREFIX).asMap().forEach((name, flag) -> {
            if (flag.getLong(0) == 0) {
                frozen.add(name);
            }
        });
        return frozen;
    }
}
