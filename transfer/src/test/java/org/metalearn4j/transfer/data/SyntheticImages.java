package org.metalearn4j.transfer.data;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.metalearn4j.core.dataset.LabeledSet;
import org.metalearn4j.core.task.Examples;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small labelled data set of Gaussian class clusters shaped as [1, 4, 4] "images": class {@code c} has a random
 * mean pattern, examples add Gaussian noise (scale 0.5 unless given). Splits {@code train} and {@code test}.
 */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static InMemoryDataset create(String name, int classes, int perClass, long seed) {
        return create(name, classes, perClass, seed, 0.5);
    }

    /** As {@link #create(String, int, int, long)} with another noise scale (larger = harder task). */
    public static InMemoryDataset create(String name, int classes, int perClass, long seed, double noise) {
        Random rnd = new Random(seed);
        double[][] means = new double[classes][16];
        for (double[] m : means) {
            for (int j = 0; j < 16; j++) {
                m[j] = rnd.nextGaussian();
            }
        }
        List<String> names = IntStream.range(0, classes).mapToObj(c -> "c" + c).toList();
        return new InMemoryDataset(name, Map.of(
                "train", new LabeledSet(sample(means, perClass, noise, rnd), names),
                "test", new LabeledSet(sample(means, perClass, noise, rnd), names)));
    }

    private static Examples sample(double[][] means, int perClass, double noise, Random rnd) {
        int n = means.length * perClass;
        float[] x = new float[n * 16];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int c = i % means.length;
            y[i] = c;
            for (int j = 0; j < 16; j++) {
                x[i * 16 + j] = (float) (means[c][j] + noise * rnd.nextGaussian());
            }
        }
        return new Examples(Nd4j.create(x, new long[] {n, 1, 4, 4}, 'c'), Nd4j.createFromArray(y));
    }
}
