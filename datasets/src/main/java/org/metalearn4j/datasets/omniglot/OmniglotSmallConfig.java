package org.metalearn4j.datasets.omniglot;

import java.util.List;

/**
 * Configuration of {@code omniglot-small}.
 *
 * @param imageSize           side of the square images after area-average resizing from 105 pixels
 * @param trainShift          largest random translation in pixels applied to each {@code meta-train} episode image (a
 *                            fresh offset per image and episode, see
 *                            {@link org.metalearn4j.datasets.episode.RandomShift}); 0 for none
 * @param trainRotation       largest random rotation in degrees either way of each {@code meta-train} episode image
 *                            (see {@link org.metalearn4j.datasets.episode.RandomWarp}); 0 for none
 * @param trainScale          largest random relative change of size of each {@code meta-train} episode image, below 1
 *                            (0.1: factors 0.9-1.1); 0 for none. Evaluation splits are never augmented
 * @param validationAlphabets small1 alphabets moved out of {@code meta-train} into a {@code meta-val} split (upright
 *                            characters only), for choosing settings without looking at {@code meta-test}; empty for
 *                            no {@code meta-val} split
 */
public record OmniglotSmallConfig(int imageSize, int trainShift, double trainRotation, double trainScale,
                                  List<String> validationAlphabets) {
    /** Validates nothing (the provider does, naming the field); copies the alphabet list, null meaning none. */
    public OmniglotSmallConfig {
        validationAlphabets = validationAlphabets == null ? List.of() : List.copyOf(validationAlphabets);
    }

    /** Images of {@code imageSize} pixels shifted by up to {@code trainShift}, without warping or a validation split. */
    public OmniglotSmallConfig(int imageSize, int trainShift) {
        this(imageSize, trainShift, 0, 0, List.of());
    }
}
