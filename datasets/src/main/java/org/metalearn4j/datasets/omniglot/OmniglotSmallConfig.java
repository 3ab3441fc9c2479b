package org.metalearn4j.datasets.omniglot;

/**
 * Configuration of {@code omniglot-small}.
 *
 * @param imageSize side of the square images after area-average resizing from 105 pixels
 */
public record OmniglotSmallConfig(int imageSize) {
}
