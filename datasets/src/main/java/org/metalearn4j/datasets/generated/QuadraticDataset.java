package org.metalearn4j.datasets.generated;

import java.util.List;
import java.util.SplittableRandom;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Quadratic tasks as regression: the support set is W ({@code shot} rows of {@code dimensions}) with targets y, so a
 * linear model without bias has exactly the loss {@code mean_i (w_i . theta - y_i)^2}. With {@code batch} quadratics
 * per task, W is block diagonal, {@code batch x shot} rows by {@code batch x dimensions} columns, each block one
 * quadratic's: the loss is then the mean of the quadratics' losses and each block of theta sees only its own
 * quadratic's gradient. The quadratic is the whole objective, so the query set is the same W and y. Splits as for the
 * other generated families: the same seed gives a different quadratic in each split.
 */
final class QuadraticDataset implements Dataset {
    private final String name;
    private final QuadraticConfig config;

    QuadraticDataset(String name, QuadraticConfig config) {
        this.name = name;
        this.config = config;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TaskType type() {
        return TaskType.REGRESSION;
    }

    @Override
    public long[] inputShape() {
        return new long[] {(long) config.batch() * config.dimensions()};
    }

    @Override
    public List<String> splits() {
        return RegressionSplits.NAMES;
    }

    /** {@code shot} rows per quadratic (10 for the paper's square W); {@code query} must equal {@code shot}. */
    @Override
    public TaskSource episodes(String split, EpisodeSpec spec) {
        int index = RegressionSplits.index(name, split, spec);
        if (spec.query() != spec.shot()) {
            throw new DatasetException(name + "/" + split + ": the query set is the quadratic itself, so query must"
                    + " equal shot (" + spec.shot() + "), got " + spec.query());
        }
        String domain = name + "/" + split;
        return seed -> sample(new SplittableRandom(Seeds.derive(seed, index)), spec.shot(), domain);
    }

    private Task sample(SplittableRandom random, int rows, String domain) {
        int d = config.dimensions();
        int b = config.batch();
        float[] w = new float[b * rows * b * d];
        float[] y = new float[b * rows];
        for (int q = 0; q < b; q++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < d; c++) {
                    w[(q * rows + r) * b * d + q * d + c] = draw(random);
                }
            }
            for (int r = 0; r < rows; r++) {
                y[q * rows + r] = draw(random);
            }
        }
        Examples examples = new Examples(Nd4j.create(w, new long[] {(long) b * rows, (long) b * d}, DataType.FLOAT),
                Nd4j.create(y, new long[] {(long) b * rows, 1}, DataType.FLOAT));
        return new Task(examples, examples, TaskType.REGRESSION, 1, rows, domain);
    }

    private float draw(SplittableRandom random) {
        if (config.distribution() == QuadraticConfig.Distribution.UNIFORM) {
            return (float) random.nextDouble();
        }
        return (float) Ranges.gaussian(random);
    }
}
