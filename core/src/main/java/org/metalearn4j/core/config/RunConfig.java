package org.metalearn4j.core.config;

import java.util.Objects;

/**
 * Everything one {@code metalearn train} run needs. Bound from YAML or JSON by {@link ConfigLoader}; keys missing from
 * the file take the values of {@link #defaults()}, the one place they are written ({@code metalearn config --defaults}
 * prints them).
 *
 * @param seed       base seed: model initialisation and the training episode stream derive from it
 * @param backend    {@code auto} (highest-ranked available backend), or a backend name such as {@code cpu}/{@code cuda}
 * @param pluginsDir directory of plugin JARs to load, or null for none
 * @param dataset    the data set provider and its parameters
 * @param learner    the learner provider and its parameters
 * @param train      the meta-training loop
 * @param eval       the evaluation episodes
 */
public record RunConfig(long seed, String backend, String pluginsDir, ComponentConfig dataset,
                        ComponentConfig learner, TrainConfig train, EvalConfig eval) {
    public RunConfig {
        Checks.notBlank("backend", backend);
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(eval, "eval");
    }

    public static RunConfig defaults() {
        return new RunConfig(42L, "auto", null, ComponentConfig.named("omniglot"),
                ComponentConfig.named("protonet"), TrainConfig.defaults(), EvalConfig.defaults());
    }

    /** A copy with another training section (e.g. more iterations for a resumed run). */
    public RunConfig withTrain(TrainConfig newTrain) {
        return new RunConfig(seed, backend, pluginsDir, dataset, learner, newTrain, eval);
    }
}
