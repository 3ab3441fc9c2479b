package org.metalearn4j.model.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded few-shot image episodes for the generative learners' tests: an alphabet of {@value #ALPHABET} random ink
 * patterns on a {@code 1 x side x side} grid (the same for every episode, like the characters of one alphabet); each
 * episode picks some of them as its classes, and each example is a copy of its class's pattern with a few pixels
 * flipped and grey levels jittered. Support and query are grouped by class as the episode sampler lays them out.
 */
public final class Glyphs {
    /** Patterns in the alphabet. */
    public static final int ALPHABET = 8;
    /** Probability that a pixel of an example differs from its class's pattern. */
    private static final double FLIP = 0.05;
    private Glyphs() {
    }

    /** N-way K-shot Q-query episodes of {@code side x side} glyphs. */
    public static TaskSource episodes(int way, int shot, int query, int side) {
        boolean[][] alphabet = alphabet(side);
        return seed -> {
            SplittableRandom rng = new SplittableRandom(seed);
            int[] order = rng.ints(0, ALPHABET).distinct().limit(way).toArray();
            boolean[][] patterns = new boolean[way][];
            for (int c = 0; c < way; c++) {
                patterns[c] = alphabet[order[c]];
            }
            return new Task(examples(patterns, shot, side, rng), examples(patterns, query, side, rng),
                    TaskType.CLASSIFICATION, way, shot, "glyphs");
        };
    }

    /**
     * The best expected log-likelihood per pixel, in nats, of any model that ignores which class an example is of:
     * the entropy of each pixel's binarized value over the alphabet and the flips. A few-shot generator that beats it
     * uses the support set.
     */
    public static double unconditionalBound(int side) {
        boolean[][] alphabet = alphabet(side);
        double total = 0;
        for (int i = 0; i < side * side; i++) {
            double on = 0;
            for (boolean[] pattern : alphabet) {
                on += pattern[i] ? 1 - FLIP : FLIP;
            }
            double p = on / ALPHABET;
            total += p * Math.log(p) + (1 - p) * Math.log(1 - p);
        }
        return total / (side * side);
    }

    private static boolean[][] alphabet(int side) {
        SplittableRandom rng = new SplittableRandom(20261206);
        boolean[][] alphabet = new boolean[ALPHABET][side * side];
        for (boolean[] p : alphabet) {
            for (int i = 0; i < p.length; i++) {
                p[i] = rng.nextDouble() < 0.35;
            }
        }
        return alphabet;
    }

    /** A meta-batch: task {@code j} of iteration {@code i} from {@code Seeds.derive(seed, i, j)}. */
    public static List<Task> batch(TaskSource source, long seed, int iteration, int size) {
        List<Task> tasks = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            tasks.add(source.sample(Seeds.derive(seed, iteration, j)));
        }
        return tasks;
    }

    /** The learner context of {@code way}-way episodes of these glyphs. */
    public static LearnerContext context(int way, int side, long seed) {
        return new LearnerContext(new long[] {1, side, side}, TaskType.CLASSIFICATION, way, way, seed,
                Optional.empty());
    }

    private static Examples examples(boolean[][] patterns, int perClass, int side, SplittableRandom rng) {
        int pixels = side * side;
        int n = patterns.length * perClass;
        double[] x = new double[n * pixels];
        long[] y = new long[n];
        for (int c = 0; c < patterns.length; c++) {
            for (int k = 0; k < perClass; k++) {
                int row = c * perClass + k;
                y[row] = c;
                for (int i = 0; i < pixels; i++) {
                    boolean ink = patterns[c][i] ^ (rng.nextDouble() < FLIP);
                    x[row * pixels + i] = ink ? 0.8 + 0.2 * rng.nextDouble() : 0.2 * rng.nextDouble();
                }
            }
        }
        return new Examples(Nd4j.create(x, new long[] {n, 1, side, side}, DataType.DOUBLE).castTo(DataType.FLOAT),
                Nd4j.createFromArray(y));
    }
}
