package org.metalearn4j.optimization.learned;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** The {@code learned-lstm} optimizer's settings: which trained optimizer to use. */
public record LearnedLstmSettings(
        @JsonPropertyDescription("a trained learned optimizer: the run directory of 'metalearn train' with learner"
                + " learned-optimizer (its newest good checkpoint), one of its checkpoint files, or a meta-train"
                + " stage's directory") String path) {
    public LearnedLstmSettings {
        Checks.notBlank("path", path);
    }
}
