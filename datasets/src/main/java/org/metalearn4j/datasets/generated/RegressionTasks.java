package org.metalearn4j.datasets.generated;

import java.util.SplittableRandom;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Regression tasks from a {@link RegressionFamily}: one function per seed, evaluated at {@code shot + query} random
 * inputs; the first {@code shot} points are the support set, the rest the query set. x and y are float32
 * {@code [n, 1]}.
 */
public final class RegressionTasks implements TaskSource {
    private final RegressionFamily family;
    private final int shot;
    private final int query;
    private final String domain;

    /** @param domain carried into every task, e.g. {@code sinusoid/meta-train} */
    public RegressionTasks(RegressionFamily family, int shot, int query, String domain) {
        if (shot < 1 || query < 1) {
            throw new IllegalArgumentException(domain + ": shot and query must be >= 1, got " + shot + " and " + query);
        }
        this.family = family;
        this.shot = shot;
        this.query = query;
        this.domain = domain;
    }

    @Override
    public Task sample(long seed) {
        float[] x = new float[shot + query];
        float[] y = new float[shot + query];
        family.sample(new SplittableRandom(seed), x, y);
        return new Task(examples(x, y, 0, shot), examples(x, y, shot, shot + query), TaskType.REGRESSION, 1, shot,
                domain);
    }

    private static Examples examples(float[] x, float[] y, int from, int to) {
        long[] shape = {to - from, 1};
        return new Examples(Nd4j.create(java.util.Arrays.copyOfRange(x, from, to), shape, DataType.FLOAT),
                Nd4j.create(java.util.Arrays.copyOfRange(y, from, to), shape, DataType.FLOAT));
    }
}
