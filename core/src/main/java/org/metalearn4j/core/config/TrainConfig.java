package org.metalearn4j.core.config;

/**
 * The meta-training loop.
 *
 * @param iterations      meta-training iterations (one meta-batch each)
 * @param metaBatch       tasks per iteration
 * @param way             classes per training episode
 * @param shot            support examples per class
 * @param query           query examples per class
 * @param split           data set split the training episodes come from
 * @param checkpointEvery write a checkpoint every this many iterations (and always at the end)
 * @param evalEvery       evaluate on the {@code eval} section's episodes every this many iterations (and at the end)
 * @param keepCheckpoints how many of the newest checkpoints to keep on disk
 */
public record TrainConfig(int iterations, int metaBatch, int way, int shot, int query, String split,
                          int checkpointEvery, int evalEvery, int keepCheckpoints) {
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
