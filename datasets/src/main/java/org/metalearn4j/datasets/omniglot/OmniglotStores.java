package org.metalearn4j.datasets.omniglot;

import java.util.List;
import org.metalearn4j.datasets.image.Rotation;
import org.metalearn4j.core.dataset.ClassStore;

/** Turns Omniglot characters into class stores, optionally with each 90-degree rotation as a class of its own. */
public final class OmniglotStores {
    private static final int[] QUARTER_TURNS = {0, 1, 2, 3};

    private OmniglotStores() {
    }

    /**
     * One class per character, or four per character when {@code rotate}: class names are {@code alphabet/character}
     * or {@code alphabet/character/rot000|rot090|rot180|rot270} (counter-clockwise).
     */
    public static ClassStore build(List<OmniglotCharacter> characters, int size, boolean rotate) {
        ClassStore.Builder builder = ClassStore.builder(1, size, size);
        if (!rotate) {
            characters.forEach(c -> builder.addClass(c.id(), c.images()));
            return builder.build();
        }
        // Independent per character, so on the common pool; classes are still added in character order. Each
        // rotation is packed straight into the array the store keeps, so the pool holds no second copy.
        List<float[][]> turned = characters.parallelStream().map(c -> rotations(c, size)).toList();
        for (int c = 0; c < characters.size(); c++) {
            int count = characters.get(c).images().size();
            for (int turns : QUARTER_TURNS) {
                builder.addPacked(characters.get(c).id() + String.format("/rot%03d", turns * 90),
                        turned.get(c)[turns], count);
            }
        }
        return builder.build();
    }

    /** The character's images turned by each of {@link #QUARTER_TURNS}, one packed array per turn. */
    private static float[][] rotations(OmniglotCharacter character, int size) {
        List<float[]> images = character.images();
        float[][] out = new float[QUARTER_TURNS.length][images.size() * size * size];
        for (int turns : QUARTER_TURNS) {
            for (int i = 0; i < images.size(); i++) {
                Rotation.rotateInto(images.get(i), size, turns, out[turns], i * size * size);
            }
        }
        return out;
    }
}
