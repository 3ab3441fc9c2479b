package org.metalearn4j.metric;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/**
 * Seeded few-shot problems for tests. Blobs: every episode draws fresh class centres in {@code dim} dimensions and
 * examples are centre plus Gaussian noise, so only a learned metric that ignores the noisy directions generalises
 * across episodes. Glyphs: every class is a random 16x16 binary pattern, examples are noisy copies.
 */
final class SyntheticEpisodes {
    private SyntheticEpisodes() {
    }

    /**
     * Classes differ only in the first {@code informative} coordinates; the other coordinates are strong noise that
     * a good embedding learns to suppress.
     */
    static TaskSource blobs(int way, int shot, int query, int dim, int informative, double noise, DataType type) {
        return seed -> {
            SplittableRandom rng = new SplittableRandom(seed);
            double[][] centres = new double[way][dim];
            for (double[] c : centres) {
                for (int d = 0; d < informative; d++) {
                    c[d] = 2 * gaussian(rng);
                }
            }
            return task(way, shot, query, new long[] {dim}, type, rng, (c, r, out) -> {
                for (int d = 0; d < dim; d++) {
                    out[d] = centres[c][d] + (d < informative ? 0.3 : noise) * gaussian(r);
                }
            });
        };
    }

    /** 1x16x16 images: a random binary pattern per class with flipped pixels as noise. */
    static TaskSource glyphs(int way, int shot, int query, double flip, DataType type) {
        return seed -> {
            SplittableRandom rng = new SplittableRandom(seed);
            boolean[][] patterns = new boolean[way][256];
            for (boolean[] p : patterns) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = rng.nextDouble() < 0.3;
                }
            }
            return task(way, shot, query, new long[] {1, 16, 16}, type, rng, (c, r, out) -> {
                for (int i = 0; i < 256; i++) {
                    out[i] = patterns[c][i] ^ (r.nextDouble() < flip) ? 1 : 0;
                }
            });
        };
    }

    private interface ExampleFiller {
        void fill(int cls, SplittableRandom rng, double[] out);
    }

    private static Task task(int way, int shot, int query, long[] shape, DataType type, SplittableRandom rng,
                             ExampleFiller filler) {
        return new Task(examples(way, shot, shape, type, rng, filler), examples(way, query, shape, type, rng, filler),
                TaskType.CLASSIFICATION, way, shot, "synthetic");
    }

    private static Examples examples(int way, int perClass, long[] shape, DataType type, SplittableRandom rng,
                                     ExampleFiller filler) {
        int size = 1;
        for (long s : shape) {
            size *= (int) s;
        }
        int n = way * perClass;
        double[] x = new double[n * size];
        long[] y = new long[n];
        double[] one = new double[size];
        for (int i = 0; i < n; i++) {
            y[i] = i % way;
            filler.fill((int) y[i], rng, one);
            System.arraycopy(one, 0, x, i * size, size);
        }
        long[] full = new long[shape.length + 1];
        full[0] = n;
        System.arraycopy(shape, 0, full, 1, shape.length);
        return new Examples(Nd4j.create(x, full, DataType.DOUBLE).castTo(type), Nd4j.createFromArray(y));
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
