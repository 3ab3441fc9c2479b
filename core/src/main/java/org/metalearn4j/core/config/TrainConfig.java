package org.metalearn4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The meta-training loop. Each key's meaning is in its {@link JsonPropertyDescription}, which
 * {@code metalearn config --defaults} prints beside the default value.
 */
public record TrainConfig(
        @JsonPropertyDescription("meta-training iterations, one meta-batch each") int iterations,
        @JsonPropertyDescription("tasks per iteration") int metaBatch,
        @JsonPropertyDescription("classes per training episode") int way,
        @JsonPropertyDescription("support examples per class") int shot,
        @JsonPropertyDescription("query examples per class") int query,
        @JsonPropertyDescription("data set split the training episodes come from") String split,
        @JsonPropertyDescription("write a checkpoint every N iterations (and at the end)") int checkpointEvery,
        @JsonPropertyDescription("evaluate on the eval episodes every N iterations (and at the end)") int evalEvery,
        @JsonPropertyDescription("how many of the newest checkpoints to keep") int keepCheckpoints) {
    public TrainConfig {
        Checks.atLeast("iterations", iterations, 1);
        Checks.atLeast("metaBatch", metaBatch, 1);
        Checks.atLeast("way", way, 1);
        Checks.atLeast("shot", shot, 1);
        Checks.atLeast("query", query, 1);
        Checks.notBlank("split", split);
        Checks.atLeast("checkpointEvery", checkpointEvery, 1);
        Checks.atLeast("evalEvery", evalEvery, 1);
        Checks.atLeast("keepCheckpoints", keepCheckpoints, 1);
    }

    public static TrainConfig defaults() {
        return new TrainConfig(1000, 4, 5, 1, 15, "meta-train", 100, 250, 3);
    }
}
