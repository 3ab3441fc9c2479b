package org.metalearn4j.datasets.generated;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Regression tasks from a {@link RegressionFamily}: one function per seed, evaluated at {@code shot + query} random
 * inputs; the first points are the support set, the rest the query set. That split is at {@code shot}, or, with
 * {@code minContext > 0}, at a context size drawn uniformly from {@code minContext..shot} after the function (so the
 * function and its inputs do not depend on it). x and y are float32 {@code [n, 1]}; the descriptor is the function's
 * parameters as a float64 vector (exact, for closed-form oracles).
 */
public final class RegressionTasks implements TaskSource {
    private final RegressionFamily family;
    private final int shot;
    private final int query;
    private final int minContext;
    private final String domain;

    /** Fixed sizes: {@code shot} support and {@code query} query points. */
    public RegressionTasks(RegressionFamily family, int shot, int query, String domain) {
        this(family, shot, query, 0, domain);
    }

    /**
     * @param minContext 0 for fixed sizes, else the smallest context size
     * @param domain     carried into every task, e.g. {@code sinusoid/meta-train}
     */
    public RegressionTasks(RegressionFamily family, int shot, int query, int minContext, String domain) {
        if (shot < 1 || query < 1) {
            throw new IllegalArgumentException(domain + ": shot and query must be >= 1, got " + shot + " and " + query);
        }
        if (minContext < 0 || minContext > shot) {
            throw new IllegalArgumentException(domain + ": minContext must be in [0, shot = " + shot + "], got "
                    + minContext);
        }
        this.family = family;
        this.shot = shot;
        this.query = query;
        this.minContext = minContext;
        this.domain = domain;
    }

    @Override
    public Task sample(long seed) {
        float[] x = new float[shot + query];
        float[] y = new float[shot + query];
        SplittableRandom random = new SplittableRandom(seed);
        double[] parameters = family.sample(random, x, y);
        int context = minContext == 0 ? shot : minContext + random.nextInt(shot - minContext + 1);
        return new Task(examples(x, y, 0, context), examples(x, y, context, shot + query), TaskType.REGRESSION, 1,
                context, domain, Optional.of(Nd4j.createFromArray(parameters)));
    }

    private static Examples examples(float[] x, float[] y, int from, int to) {
        long[] shape = {to - from, 1};
        return new Examples(Nd4j.create(Arrays.copyOfRange(x, from, to), shape, DataType.FLOAT),
                Nd4j.create(Arrays.copyOfRange(y, from, to), shape, DataType.FLOAT));
    }
}
