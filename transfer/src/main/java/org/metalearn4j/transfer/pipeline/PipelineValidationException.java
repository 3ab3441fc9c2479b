package org.metalearn4j.transfer.pipeline;

import java.util.List;
import org.metalearn4j.core.spi.ConfigException;

/**
 * A pipeline config has one or more problems; each names the field path (e.g. {@code stages[1].config.way}) or the
 * stage (index and name) and what is wrong.
 */
public class PipelineValidationException extends ConfigException {
    private final List<String> problems;

    /**
     * @param problems one line each
     * @param source   the pipeline file, or null
     */
    public PipelineValidationException(List<String> problems, String source) {
        super("pipeline", "invalid pipeline" + (source == null ? "" : " " + source) + ", nothing was run:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
