package org.metalearn4j.model.hyper;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.optim.ScheduledAdamConfig;

/** Settings of {@code hypernet}; {@code metalearn config --defaults hypernet} prints them. */
public record HypernetConfig(
        @JsonPropertyDescription("width of the task encoder's hidden layers") int encoderHidden,
        @JsonPropertyDescription("hidden layers of the task encoder's per-point MLP") int encoderLayers,
        @JsonPropertyDescription("length of the task embedding the weights are generated from") int embeddingSize,
        @JsonPropertyDescription("hidden widths of the generated MLP, e.g. [40, 40]") List<Integer> hidden,
        @JsonPropertyDescription("length of the task descriptor appended to the embedding; 0: descriptors are not"
                + " used (a task without one is then fine)") int descriptorSize,
        @JsonPropertyDescription("Adam, learning-rate schedule and clipping") ScheduledAdamConfig optimizer) {
    public HypernetConfig {
        Checks.atLeast("encoderHidden", encoderHidden, 1);
        Checks.atLeast("encoderLayers", encoderLayers, 1);
        Checks.atLeast("embeddingSize", embeddingSize, 1);
        Checks.atLeastItems("hidden", hidden, 1);
        hidden = List.copyOf(hidden);
        hidden.forEach(h -> Checks.atLeast("hidden", h, 1));
        Checks.atLeast("descriptorSize", descriptorSize, 0);
        Checks.present("optimizer", optimizer);
    }
}
