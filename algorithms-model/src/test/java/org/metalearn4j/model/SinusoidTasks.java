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
 * Seeded sinusoid regression tasks for this module's tests (the module depends on core only, so it does not use the
 * datasets module's family): {@code y = A sin(x + phase)}, A in [0.1, 5], phase in [0, pi], x in [-5, 5], the
 * descriptor {@code [A, phase]}. {@code minShot > 0} draws each task's context size from {@code minShot..shot}.
 */
public record SinusoidTasks(int shot, int query, int minShot) implements TaskSource {

    public SinusoidTasks(int shot, int query) {
        this(shot, query, 0);
    }

    @Override
    public Task sample(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double amplitude = r.nextDouble(0.1, 5.0);
        double phase = r.nextDouble(0, Math.PI);
        int n = shot + query;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-5, 5);
            y[i] = (float) (amplitude * Math.sin(x[i] + phase));
        }
        int context = minShot == 0 ? shot : minShot + r.nextInt(shot - minShot + 1);
        return new Task(examples(x, y, 0, context), examples(x, y, context, n), TaskType.REGRESSION, 1, context,
                "sinusoid/test", Optional.of(Nd4j.createFromArray(amplitude, phase)));
    }

    private static Examples examples(float[] x, float[] y, int from, int to) {
        long[] shape = {to - from, 1};
        return new Examples(Nd4j.create(java.util.Arrays.copyOfRange(x, from, to), shape, DataType.FLOAT),
                Nd4j.create(java.util.Arrays.copyOfRange(y, from, to), shape, DataType.FLOAT));
    }
}
