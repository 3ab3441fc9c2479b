package org.metalearn4j.metric.providers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerConfig;

/** Configuration of {@code relationnet}; {@code metalearn config --defaults relationnet} prints it. */
public record RelationNetConfig(
        @JsonPropertyDescription("embedding network") BackboneSpec backbone,
        @JsonPropertyDescription("hidden units of the relation module") int relationHidden,
        @JsonPropertyDescription("Adam and learning-rate schedule") OptimizerConfig optimizer) {
    public RelationNetConfig {
        Checks.present("backbone", backbone);
        Checks.atLeast("relationHidden", relationHidden, 1);
        Checks.present("optimizer", optimizer);
    }
}
