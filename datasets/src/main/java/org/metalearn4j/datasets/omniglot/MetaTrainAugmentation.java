package org.metalearn4j.datasets.omniglot;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.datasets.episode.RandomElastic;
import org.metalearn4j.datasets.episode.RandomShift;
import org.metalearn4j.datasets.episode.RandomThickness;
import org.metalearn4j.datasets.episode.RandomWarp;

/**
 * The {@code meta-train} episode augmentation both Omniglot sets build from their {@code train*} settings: stroke
 * thickness, elastic distortion, rotation and scale, then shift, each image with its own draws.
 *
 * @param shift        largest translation in pixels
 * @param rotation     largest rotation in degrees
 * @param scale        largest relative change of size, below 1
 * @param thickness    largest move towards the strokes' dilation or erosion, in [0, 1]
 * @param elastic      scale (Simard's alpha) of the elastic displacement field in pixels
 * @param elasticSigma smoothness (Simard's sigma) of the elastic displacement field in pixels
 */
record MetaTrainAugmentation(int shift, double rotation, double scale, double thickness, double elastic,
                             double elasticSigma) {

    /**
     * Checks the settings for {@code size}-pixel images, naming the field as the configs spell it; called by both
     * configs' constructors.
     *
     * @throws IllegalArgumentException starting with the field name when a setting is out of range
     */
    void check(int size) {
        Checks.between("trainShift", shift, 0, size - 1);
        Checks.between("trainRotation", rotation, 0, 180);
        if (!(scale >= 0 && scale < 1)) {
            throw new IllegalArgumentException("trainScale: expected a number in [0, 1) (0.1 draws sizes 0.9-1.1),"
                    + " got " + scale);
        }
        Checks.between("trainThickness", thickness, 0, 1);
        if (!(elasticSigma > 0 && elasticSigma <= size)) {
            throw new IllegalArgumentException("trainElasticSigma: expected a number in (0, " + size + "], got "
                    + elasticSigma);
        }
        // Bounded by how far it moves pixels, not by alpha alone: Simard et al.'s alpha 34 (sigma 4) moves 1.4 px.
        double largest = size / 4.0 / RandomElastic.typicalDisplacement(1, elasticSigma);
        if (!(elastic >= 0 && elastic <= largest)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "trainElastic: expected a number"
                    + " in [0, %.1f] (a typical displacement of at most a quarter of the %d-pixel image with"
                    + " trainElasticSigma %s), got %s", largest, size, elasticSigma, elastic));
        }
    }

    /**
     * The split-to-transform map for {@link org.metalearn4j.core.dataset.ClassStoreDataset}: thickness, elastic
     * distortion, warp, then shift, on {@code meta-train} only; empty when every setting is 0. Checked by
     * {@link #check} first.
     */
    Map<String, UnaryOperator<TaskSource>> transforms() {
        if (shift == 0 && rotation == 0 && scale == 0 && thickness == 0 && elastic == 0) {
            return Map.of();
        }
        return Map.of("meta-train", episodes -> new RandomShift(new RandomWarp(new RandomElastic(
                new RandomThickness(episodes, thickness), elastic, elasticSigma), rotation, scale), shift));
    }
}
