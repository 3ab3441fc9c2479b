package org.metalearn4j.transfer.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;

/**
 * A small labelled data set of Gaussian class clusters shaped as [1, 4, 4] "images": class {@code c} has a random
 * mean pattern, examples add Gaussian noise (scale 0.5 unless given). Splits {@code train} and {@code test}.
 */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static ClassStoreDataset create(String name, int classes, int perClass, long seed) {
        return create(name, classes, perClass, seed, 0.5);
    }

    /** As {@link #create(String, int, int, long)} with another noise scale (larger = harder task). */
    public static ClassStoreDataset create(String name, int classes, int perClass, long seed, double noise) {
        Random rnd = new Random(seed);
        double[][] means = new double[classes][16];
        for (double[] m : means) {
            for (int j = 0; j < 16; j++) {
                m[j] = rnd.nextGaussian();
            }
        }
        Map<String, ClassStore> splits = new LinkedHashMap<>();
        splits.put("train", sample(means, perClass, noise, rnd));
        splits.put("test", sample(means, perClass, noise, rnd));
        return new ClassStoreDataset(name, splits);
    }

    private static ClassStore sample(double[][] means, int perClass, double noise, Random rnd) {
        List<List<float[]>> byClass = new ArrayList<>();
        for (int c = 0; c < means.length; c++) {
            byClass.add(new ArrayList<>());
        }
        // Drawn with the classes interleaved: the stage tests' accuracy thresholds were set on these draws.
        for (int i = 0; i < means.length * perClass; i++) {
            int c = i % means.length;
            float[] x = new float[16];
            for (int j = 0; j < 16; j++) {
                x[j] = (float) (means[c][j] + noise * rnd.nextGaussian());
            }
            byClass.get(c).add(x);
        }
        ClassStore.Builder store = ClassStore.builder(1, 4, 4);
        for (int c = 0; c < means.length; c++) {
            store.addClass("c" + c, byClass.get(c));
        }
        return store.build();
    }
}
