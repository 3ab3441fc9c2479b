package org.metalearn4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Evaluation on a fixed, seeded set of episodes, so every learner and every run is scored on identical tasks. Each
 * key's meaning is in its {@link JsonPropertyDescription}, printed by {@code metalearn config --defaults}.
 */
public record EvalConfig(
        @JsonPropertyDescription("data set split the episodes come from") String split,
        @JsonPropertyDescription("classes per episode") int way,
        @JsonPropertyDescription("support examples per class") int shot,
        @JsonPropertyDescription("query examples per class") int query,
        @JsonPropertyDescription("number of episodes; ci95 = 1.96 * std / sqrt(episodes)") int episodes,
        @JsonPropertyDescription("seed of the episode set, independent of the training seed") long seed,
        @JsonPropertyDescription("test-time augmentation: every support example gains this many augmented copies and"
                + " each query's class probabilities are averaged over as many augmented views, drawn as the"
                + " data set augments the train.split episodes (e.g. dataset.params.trainShift); 0 for none")
        int views) {
    public EvalConfig {
        Checks.notBlank("split", split);
        Checks.atLeast("way", way, 1);
        Checks.atLeast("shot", shot, 1);
        Checks.atLeast("query", query, 1);
        Checks.atLeast("episodes", episodes, 1);
        Checks.atLeast("views", views, 0);
    }

    public static EvalConfig defaults() {
        return new EvalConfig("meta-test", 5, 1, 15, 200, 20261123L, 0);
    }
}
