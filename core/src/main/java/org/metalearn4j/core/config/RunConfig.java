package org.metalearn4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
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
        EvalConfig eval,
        @JsonPropertyDescription("distributed training: compute the tasks of each meta-batch on worker processes"
                + " (metalearn worker); its keys and defaults: metalearn config --defaults cluster. null: compute"
                + " them in this process") JsonNode cluster) {
    public RunConfig {
        Checks.notBlank("backend", backend);
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(eval, "eval");
        if (cluster != null && cluster.isNull()) {
            cluster = null;
        } else if (cluster != null && !cluster.isObject()) {
            throw new IllegalArgumentException("cluster: expected a mapping of keys to values or null, got "
                    + cluster);
        } else if (cluster != null) {
            cluster = cluster.deepCopy();
        }
    }

    /** A copy (or null): the record stays immutable although Jackson trees are not. */
    @Override
    public JsonNode cluster() {
        return cluster == null ? null : cluster.deepCopy();
    }

    /** This configuration with another {@code cluster} section (null: none). */
    public RunConfig withCluster(JsonNode section) {
        return new RunConfig(seed, backend, pluginsDir, dataset, learner, train, eval, section);
    }

    /** This configuration with another {@code pluginsDir} (null: none). */
    public RunConfig withPluginsDir(String dir) {
        return new RunConfig(seed, backend, dir, dataset, learner, train, eval, cluster);
    }

    public static RunConfig defaults() {
        return new RunConfig(42L, "auto", null, ComponentConfig.named("omniglot-small"),
                ComponentConfig.named("protonet"), TrainConfig.defaults(), EvalConfig.defaults(), null);
    }
}
