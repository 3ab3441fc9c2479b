package org.metalearn4j.metric.providers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerConfig;

/** Configuration of {@code siamese}; {@code metalearn config --defaults siamese} prints it. */
public record SiameseConfig(
        @JsonPropertyDescription("embedding network shared by both sides of a pair") BackboneSpec backbone,
        @JsonPropertyDescription("Adam and learning-rate schedule") OptimizerConfig optimizer) {
    public SiameseConfig {
        Checks.present("backbone", backbone);
        Checks.present("optimizer", optimizer);
    }
}
