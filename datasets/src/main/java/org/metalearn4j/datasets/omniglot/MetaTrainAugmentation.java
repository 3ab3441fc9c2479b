package org.metalearn4j.datasets.omniglot;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.datasets.episode.RandomShift;
import org.metalearn4j.datasets.episode.RandomWarp;

/** The {@code meta-train} episode augmentation both Omniglot sets build from their {@code train*} settings. */
final class MetaTrainAugmentation {
    private MetaTrainAugmentation() {
    }

    /**
     * Checks the settings for {@code size}-pixel images, naming the field; called by both configs' constructors.
     *
     * @throws IllegalArgumentException starting with the field name when a setting is out of range
     */
    static void check(int shift, double rotation, double scale, int size) {
        Checks.between("trainShift", shift, 0, size - 1);
        Checks.between("trainRotation", rotation, 0, 180);
        if (!(scale >= 0 && scale < 1)) {
            throw new IllegalArgumentException("trainScale: expected a number in [0, 1) (0.1 draws sizes 0.9-1.1),"
                    + " got " + scale);
        }
    }

    /**
     * The split-to-transform map for {@link org.metalearn4j.datasets.store.ClassStoreDataset}: warp, then shift, on
     * {@code meta-train} only; empty when every setting is 0. The settings were checked by {@link #check}.
     */
    static Map<String, UnaryOperator<TaskSource>> of(int shift, double rotation, double scale) {
        if (shift == 0 && rotation == 0 && scale == 0) {
            return Map.of();
        }
        return Map.of("meta-train", episodes -> new RandomShift(new RandomWarp(episodes, rotation, scale), shift));
    }
}
