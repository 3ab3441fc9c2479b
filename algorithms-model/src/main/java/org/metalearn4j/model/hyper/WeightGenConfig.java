package org.metalearn4j.model.hyper;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.ScheduledAdamConfig;

/** Settings of {@code weightgen}; {@code metalearn config --defaults weightgen} prints them. */
public record WeightGenConfig(
        @JsonPropertyDescription("embedding network") BackboneSpec backbone,
        @JsonPropertyDescription("width of the task encoder over the support embeddings (hidden layers and output)")
        int contextSize,
        @JsonPropertyDescription("hidden width of the weight generator") int generatorHidden,
        @JsonPropertyDescription("how queries are compared with the generated class weights: cosine (Gidaris and"
                + " Komodakis: normalised prototypes, learned per-dimension and similarity scales) or euclidean"
                + " (negative squared distance to the class mean plus the correction, ProtoNet's classifier at"
                + " initialisation)") Distance distance,
        @JsonPropertyDescription("initial multiplier of the cosine similarities (learned; cosine only)")
        double initialScale,
        @JsonPropertyDescription("length of the task descriptor the generator also reads; 0: descriptors are not"
                + " used") int descriptorSize,
        @JsonPropertyDescription("Adam, learning-rate schedule and clipping") ScheduledAdamConfig optimizer) {
    public WeightGenConfig {
        Checks.present("backbone", backbone);
        Checks.atLeast("contextSize", contextSize, 1);
        Checks.atLeast("generatorHidden", generatorHidden, 1);
        Checks.present("distance", distance);
        Checks.positive("initialScale", initialScale);
        Checks.atLeast("descriptorSize", descriptorSize, 0);
        Checks.present("optimizer", optimizer);
    }
}
