package org.metalearn4j.optimization;

import java.util.Optional;
import java.util.SplittableRandom;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded few-shot classification tasks on {@value #DIM}-dimensional vectors: each class a random centre, each example
 * its centre plus unit noise; labels {@code 0..ways-1}, {@code shots} support and {@code queries} query examples per
 * class in class order.
 */
final class ClassificationTasks {
    static final int DIM = 4;

    private ClassificationTasks() {
    }

    static Task task(long seed, int ways, int shots, int queries) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] centres = new double[ways][DIM];
        for (double[] centre : centres) {
            for (int d = 0; d < DIM; d++) {
                centre[d] = 2 * gaussian(rng);
            }
        }
        return new Task(examples(rng, centres, shots), examples(rng, centres, queries), TaskType.CLASSIFICATION, ways,
                shots, "test-classes");
    }

    /** A learner context for these tasks, the training episodes having {@code ways} classes. */
    static LearnerContext context(long seed, int ways) {
        return new LearnerContext(new long[] {DIM}, TaskType.CLASSIFICATION, ways, ways, seed, Optional.empty());
    }

    private static Examples examples(SplittableRandom rng, double[][] centres, int perClass) {
        int n = centres.length * perClass;
        double[] x = new double[n * DIM];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            int c = i / perClass;
            y[i] = c;
            for (int d = 0; d < DIM; d++) {
                x[i * DIM + d] = centres[c][d] + gaussian(rng);
            }
        }
        return new Examples(Nd4j.create(x, new long[] {n, DIM}, DataType.DOUBLE), Nd4j.createFromArray(y));
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
