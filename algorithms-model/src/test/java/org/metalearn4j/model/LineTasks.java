package org.metalearn4j.model;

import java.util.Optional;
import java.util.SplittableRandom;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded noisy lines {@code y = a x + b + 0.05 e} (a in [-2, 2], b in [-1, 1], x in [-2, 2], e standard normal),
 * descriptor {@code [a, b]}: a family learners fit within a few hundred steps, for short learning tests. Predicting 0
 * scores an MSE of about 2.1; the noise floor is 0.0025. {@code minShot > 0} draws each task's context size from
 * {@code minShot..shot} (the task keeps {@code shot + query} points).
 */
public record LineTasks(int shot, int query, int minShot) implements TaskSource {

    @Override
    public Task sample(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double a = r.nextDouble(-2, 2);
        double b = r.nextDouble(-1, 1);
        int n = shot + query;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-2, 2);
            y[i] = (float) (a * x[i] + b + 0.05 * r.nextGaussian());
        }
        int context = minShot == 0 ? shot : minShot + r.nextInt(shot - minShot + 1);
        return new Task(examples(x, y, 0, context), examples(x, y, context, n), TaskType.REGRESSION, 1, context,
                "lines/test", Optional.of(Nd4j.createFromArray(a, b)));
    }

    private static Examples examples(float[] x, float[] y, int from, int to) {
        long[] shape = {to - from, 1};
        return new Examples(Nd4j.create(java.util.Arrays.copyOfRange(x, from, to), shape, DataType.FLOAT),
                Nd4j.create(java.util.Arrays.copyOfRange(y, from, to), shape, DataType.FLOAT));
    }
}
