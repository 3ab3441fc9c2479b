package org.metalearn4j.metric.providers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerConfig;

/** Configuration of {@code matchingnet}; {@code metalearn config --defaults matchingnet} prints it. */
public record MatchingNetConfig(
        @JsonPropertyDescription("embedding network") BackboneSpec backbone,
        @JsonPropertyDescription("multiplier of cosine similarities before the attention softmax") double cosineScale,
        @JsonPropertyDescription("re-encode the support set (bidirectional LSTM) and the queries (attention LSTM)")
        boolean fullContextEmbedding,
        @JsonPropertyDescription("attention-LSTM steps of the query encoder (full context embedding only)")
        int fceSteps,
        @JsonPropertyDescription("Adam and learning-rate schedule") OptimizerConfig optimizer) {
    public MatchingNetConfig {
        Checks.present("backbone", backbone);
        Checks.positive("cosineScale", cosineScale);
        Checks.atLeast("fceSteps", fceSteps, 1);
        Checks.present("optimizer", optimizer);
    }
}
