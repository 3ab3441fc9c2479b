package org.metalearn4j.datasets.omniglot;

/**
 * Configuration of {@code omniglot-small}.
 *
 * @param imageSize  side of the square images after area-average resizing from 105 pixels
 * @param trainShift largest random translation in pixels applied to each {@code meta-train} episode image (a fresh
 *                   offset per image and episode, see {@link org.metalearn4j.datasets.episode.RandomShift}); 0 for
 *                   none. Evaluation splits are never shifted
 */
public record OmniglotSmallConfig(int imageSize, int trainShift) {
}
