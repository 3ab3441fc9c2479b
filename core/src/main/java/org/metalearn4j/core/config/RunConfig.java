package org.metalearn4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * Everything one {@code metalearn train} run needs. Bound from YAML or JSON by {@link ConfigLoader}; keys missing from
 * the file take the values of {@link #defaults()}, the one place they are written. Each key's meaning is in its
 * {@link JsonPropertyDescription}; {@code metalearn config --defaults} prints both.
 */
public record RunConfig(
        @JsonPropertyDescription("base seed: initialisation and the training episode stream derive from it") long seed,
        @JsonPropertyDescription("auto (highest-ranked available backend), cpu or cuda") String backend,
        @JsonPropertyDescription("directory of plugin JARs to load, or null for none") String pluginsDir,
        @JsonPropertyDescription("the data set provider and its params") ComponentConfig dataset,
        @JsonPropertyDescription("the learner provider and its params") ComponentConfig learner,
        @JsonPropertyDescription("the meta-training loop") TrainConfig train,
        @JsonPropertyDescription("the evaluation episodes (during and after training, and metalearn eval)")
        EvalConfig eval) {
    public RunConfig {
        Checks.notBlank("backend", backend);
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(eval, "eval");
    }

    public static RunConfig defaults() {
        return new RunConfig(42L, "auto", null, ComponentConfig.named("omniglot-small"),
                ComponentConfig.named("protonet"), TrainConfig.defaults(), EvalConfig.defaults());
    }
}
