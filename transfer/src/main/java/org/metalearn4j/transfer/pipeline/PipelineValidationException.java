package org.metalearn4j.transfer.pipeline;

import java.util.List;
import org.metalearn4j.core.spi.ConfigException;

/** A pipeline config has one or more problems; each names the stage (index and name) and what is wrong. */
public class PipelineValidationException extends ConfigException {
    private final List<String> problems;

    public PipelineValidationException(List<String> problems) {
        super("pipeline", "invalid pipeline, nothing was run:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
