package org.metalearn4j.datasets.omniglot;

import java.util.List;

/**
 * One Omniglot character: its drawings (one per drawer, in file-name order) as square ink images, row-major.
 *
 * @param alphabet  e.g. {@code Greek}
 * @param character e.g. {@code character07}
 * @param images    ink images, strokes 1 and background 0
 */
public record OmniglotCharacter(String alphabet, String character, List<float[]> images) {
    public OmniglotCharacter {
        images = List.copyOf(images);
    }

    /** {@code alphabet/character}, the class name used in stores. */
    public String id() {
        return alphabet + "/" + character;
    }
}
