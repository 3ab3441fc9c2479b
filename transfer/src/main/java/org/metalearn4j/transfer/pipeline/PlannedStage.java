package org.metalearn4j.transfer.pipeline;

import java.util.Objects;
import org.metalearn4j.core.pipeline.PipelineStage;

/**
 * A validated stage, ready to run.
 *
 * @param index  position in the pipeline, from 0
 * @param name   the stage provider's name
 * @param config the bound config record (defaults plus the user's keys)
 * @param stage  the stage created from that config
 */
public record PlannedStage(int index, String name, Record config, PipelineStage stage) {
    public PlannedStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stage, "stage");
    }

    /** How messages and directories refer to the stage, e.g. {@code 2-finetune}. */
    public String label() {
        return index + "-" + name;
    }
}
