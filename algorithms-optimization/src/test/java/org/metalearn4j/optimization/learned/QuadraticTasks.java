package org.metalearn4j.optimization.learned;

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

/** Seeded random quadratics mean_i (w_i . theta - y_i)^2 as regression tasks (the datasets module's quadratic). */
final class QuadraticTasks {
    private QuadraticTasks() {
    }

    static Task task(long seed, int dimensions, DataType type) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[dimensions * dimensions];
        double[] y = new double[dimensions];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextDouble();
        }
        Examples e = new Examples(Nd4j.create(w, new long[] {dimensions, dimensions}, DataType.DOUBLE).castTo(type),
                Nd4j.create(y, new long[] {dimensions, 1}, DataType.DOUBLE).castTo(type));
        return new Task(e, e, TaskType.REGRESSION, 1, dimensions, "test-quadratic");
    }

    static List<Task> batch(long seed, long iteration, int size, int dimensions) {
        List<Task> out = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            out.add(task(Seeds.derive(seed, iteration, j), dimensions, DataType.FLOAT));
        }
        return out;
    }

    static LearnerContext context(int dimensions, long seed) {
        return new LearnerContext(new long[] {dimensions}, TaskType.REGRESSION, 1, 1, seed, Optional.empty());
    }
}
