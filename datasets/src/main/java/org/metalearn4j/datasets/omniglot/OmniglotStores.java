package org.metalearn4j.datasets.omniglot;

import java.util.ArrayList;
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
     * or {@code alphabet/character/rot000|rot090|rot180|rot270} (counter-clockwise). The images (rotated or not) are
     * written straight into the store's array, in parallel, so building holds them once.
     */
    public static ClassStore build(List<OmniglotCharacter> characters, int size, boolean rotate) {
        int turnsPerCharacter = rotate ? QUARTER_TURNS.length : 1;
        int classes = characters.size() * turnsPerCharacter;
        List<String> names = new ArrayList<>(classes);
        int[] counts = new int[classes];
        for (int c = 0; c < classes; c++) {
            OmniglotCharacter character = characters.get(c / turnsPerCharacter);
            int turns = QUARTER_TURNS[c % turnsPerCharacter];
            names.add(rotate ? character.id() + String.format("/rot%03d", turns * 90) : character.id());
            counts[c] = character.images().size();
        }
        int pixels = size * size;
        return ClassStore.filled(new long[] {1, size, size}, names, counts, (c, data, offset) -> {
            List<float[]> images = characters.get(c / turnsPerCharacter).images();
            for (int i = 0; i < images.size(); i++) {
                Rotation.rotateInto(images.get(i), size, QUARTER_TURNS[c % turnsPerCharacter], data,
                        offset + i * pixels);
            }
        });
    }
}
