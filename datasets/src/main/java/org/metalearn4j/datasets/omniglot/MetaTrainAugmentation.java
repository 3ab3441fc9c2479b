package org.metalearn4j.datasets.omniglot;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.datasets.episode.RandomShift;
import org.metalearn4j.datasets.episode.RandomWarp;

/** The {@code meta-train} episode augmentation both Omniglot sets build from their {@code train*} settings. */
final class MetaTrainAugmentation {
    private MetaTrainAugmentation() {
    }

    /**
     * The split-to-transform map for {@link org.metalearn4j.datasets.store.ClassStoreDataset}: warp, then shift, on
     * {@code meta-train} only; empty when every setting is 0.
     *
     * @throws ConfigException naming the field when a setting is out of range for {@code size}-pixel images
     */
    static Map<String, UnaryOperator<TaskSource>> of(int shift, double rotation, double scale, int size) {
        if (shift < 0 || shift >= size) {
            throw new ConfigException("trainShift", "must be between 0 and " + (size - 1) + " pixels for "
                    + size + "x" + size + " images, got " + shift);
        }
        if (!(rotation >= 0 && rotation <= 180)) {
            throw new ConfigException("trainRotation", "must be between 0 and 180 degrees, got " + rotation);
        }
        if (!(scale >= 0 && scale < 1)) {
            throw new ConfigException("trainScale", "must be at least 0 and below 1 (0.1 draws sizes 0.9-1.1), got "
                    + scale);
        }
        if (shift == 0 && rotation == 0 && scale == 0) {
            return Map.of();
        }
        return Map.of("meta-train", episodes -> new RandomShift(new RandomWarp(episodes, rotation, scale), shift));
    }
}
