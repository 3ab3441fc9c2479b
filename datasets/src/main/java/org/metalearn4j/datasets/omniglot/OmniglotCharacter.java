package org.metalearn4j.datasets.omniglot;

import java.util.List;

/**
 * One Omniglot character: its drawings (one per drawer, in file-name order) as square ink images, row-major, and who
 * drew each. In the archives a drawing is {@code XXXX_YY.png} with {@code YY} the drawer, the same person for every
 * character of an alphabet.
 *
 * @param alphabet  e.g. {@code Greek}
 * @param character e.g. {@code character07}
 * @param images    ink images, strokes 1 and background 0
 * @param drawers   the drawer of each image, e.g. {@code 07}: the file name's part after its last underscore
 */
public record OmniglotCharacter(String alphabet, String character, List<float[]> images, List<String> drawers) {
    public OmniglotCharacter {
        images = List.copyOf(images);
        drawers = List.copyOf(drawers);
        if (drawers.size() != images.size()) {
            throw new IllegalArgumentException(alphabet + "/" + character + ": " + images.size() + " images but "
                    + drawers.size() + " drawers");
        }
    }

    /** {@code alphabet/character}, the class name used in stores. */
    public String id() {
        return alphabet + "/" + character;
    }

    /** The drawer of a drawing's file name {@code XXXX_YY.png}: {@code YY}, or the whole name without underscore. */
    static String drawerOf(String fileName) {
        String stem = fileName.endsWith(".png") || fileName.endsWith(".PNG")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
        return stem.substring(stem.lastIndexOf('_') + 1);
    }
}
