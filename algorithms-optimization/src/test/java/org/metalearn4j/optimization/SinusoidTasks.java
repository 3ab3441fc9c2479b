package org.metalearn4j.optimization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded sinusoid regression tasks (Finn et al.): y = A sin(x + phase), A in [0.1, 5], phase in [0, pi], x in [-5, 5].
 */
public final class SinusoidTasks {
    private SinusoidTasks() {
    }

    public static Task task(long seed, int shots, int queries) {
        SplittableRandom rng = new SplittableRandom(seed);
        double amplitude = 0.1 + 4.9 * rng.nextDouble();
        double phase = Math.PI * rng.nextDouble();
        return new Task(points(rng, amplitude, phase, shots), points(rng, amplitude, phase, queries),
                TaskType.REGRESSION, 1, shots, "test-sinusoid");
    }

    /** Meta-batch {@code iteration}: tasks {@code Seeds.derive(seed, iteration, j)} like the training loop's. */
    public static List<Task> batch(long seed, long iteration, int size, int shots, int queries) {
        List<Task> out = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            out.add(task(Seeds.derive(seed, iteration, j), shots, queries));
        }
        return out;
    }

    public static LearnerContext context(long seed) {
        return new LearnerContext(new long[] {1}, TaskType.REGRESSION, 1, 1, seed, Optional.empty());
    }

    private static Examples points(SplittableRandom rng, double amplitude, double phase, int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -5 + 10 * rng.nextDouble();
            y[i] = amplitude * Math.sin(x[i] + phase);
        }
        return new Examples(Nd4j.create(x, new long[] {n, 1}, DataType.DOUBLE),
                Nd4j.create(y, new long[] {n, 1}, DataType.DOUBLE));
    }
}
