package org.metalearn4j.model;

import java.util.SplittableRandom;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded few-shot classification episodes for this module's tests: a pool of {@code classes} class centres (fixed by
 * {@code poolSeed}) that differ only in their first {@code informative} values (the others are 0), each example its
 * class centre plus Gaussian noise of {@code noise} in every value, shaped {@code shape}; an
 * episode picks {@code way} classes at random and labels them 0..way-1 in random order, support rows grouped by label
 * like the data sets' samplers. Two sources with different pool seeds share no class.
 */
public record BlobEpisodes(int classes, long poolSeed, int informative, double noise, int way, int shot, int query,
                           long[] shape) implements TaskSource {

    @Override
    public Task sample(long seed) {
        int size = 1;
        for (long s : shape) {
            size *= (int) s;
        }
        double[][] centres = new double[classes][size];
        SplittableRandom pool = new SplittableRandom(poolSeed);
        for (double[] c : centres) {
            for (int i = 0; i < informative; i++) {
                c[i] = pool.nextGaussian();
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        int[] picked = r.ints(0, classes).distinct().limit(way).toArray();
        return new Task(examples(centres, picked, shot, size, r), examples(centres, picked, query, size, r),
                TaskType.CLASSIFICATION, way, shot, "blobs/" + poolSeed);
    }

    private Examples examples(double[][] centres, int[] picked, int perClass, int size, SplittableRandom r) {
        int n = picked.length * perClass;
        float[] x = new float[n * size];
        long[] y = new long[n];
        for (int row = 0; row < n; row++) {
            int label = row / perClass;
            y[row] = label;
            for (int i = 0; i < size; i++) {
                x[row * size + i] = (float) (centres[picked[label]][i] + noise * r.nextGaussian());
            }
        }
        long[] full = new long[shape.length + 1];
        full[0] = n;
        System.arraycopy(shape, 0, full, 1, shape.length);
        return new Examples(Nd4j.create(x, full, DataType.FLOAT), Nd4j.createFromArray(y));
    }
}
