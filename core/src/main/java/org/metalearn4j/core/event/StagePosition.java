package org.metalearn4j.core.event;

import java.util.Objects;

/**
 * Which stage of a pipeline run a pipeline event is about.
 *
 * @param index  position in the pipeline, from 0
 * @param name   the stage provider's name, e.g. {@code finetune}
 * @param stages how many stages the pipeline has
 */
public record StagePosition(int index, String name, int stages) {
    public StagePosition {
        Objects.requireNonNull(name, "name");
        if (index < 0 || index >= stages) {
            throw new IllegalArgumentException("stage index " + index + " is outside 0.." + (stages - 1));
        }
    }

    /** How messages and directories refer to the stage, e.g. {@code 2-finetune}. */
    public String label() {
        return index + "-" + name;
    }
}
