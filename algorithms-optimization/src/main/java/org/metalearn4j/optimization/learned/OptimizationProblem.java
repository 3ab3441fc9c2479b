package org.metalearn4j.optimization.learned;

import java.util.SplittableRandom;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Rows;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One problem for a learned optimizer: a model trained on a task's support set, step {@code t} on the minibatch
 * {@code t} of a seeded stream ({@code batchSize} rows drawn uniformly with replacement, or the whole set when
 * {@code batchSize} is 0 or at least its size). The same seed gives the same minibatches to every optimizer compared
 * on the problem.
 */
public final class OptimizationProblem implements StepObjective {
    private final BackboneHeadModel model;
    private final Examples data;
    private final TaskType type;
    private final DataType dataType;
    private final int batchSize;
    private final long seed;
    private final TaskLoss whole;

    /**
     * @param data      the examples to train on (a task's support set)
     * @param batchSize rows per step, 0 for all
     * @param seed      seeds the minibatch stream
     */
    public OptimizationProblem(BackboneHeadModel model, Examples data, TaskType type, DataType dataType, int batchSize,
                               long seed) {
        this.model = model;
        this.data = data;
        this.type = type;
        this.dataType = dataType;
        this.batchSize = batchSize;
        this.seed = seed;
        this.whole = TaskLoss.of(data, type, dataType);
    }

    /** The model being optimized. */
    public BackboneHeadModel model() {
        return model;
    }

    /** The loss of {@code params} on minibatch {@code step}. */
    @Override
    public Tensor loss(Params params, int step) {
        TaskLoss batch = batch(step);
        return batch.loss(model.forward(params, batch.x(), ForwardContext.training(Seeds.derive(seed, step, 1))));
    }

    /** The loss of {@code params} on the whole set. */
    public Tensor fullLoss(Params params) {
        return whole.loss(model.forward(params, whole.x(), ForwardContext.training(seed)));
    }

    private TaskLoss batch(int step) {
        int n = data.size();
        if (batchSize == 0 || batchSize >= n) {
            return whole;
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, step));
        int[] rows = new int[batchSize];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt(n);
        }
        return TaskLoss.of(new Examples(Rows.gather(data.x(), rows), targets(rows)), type, dataType);
    }

    /** The targets of {@code rows}; class labels are picked in Java (libnd4j's gather crashed on label vectors). */
    private INDArray targets(int[] rows) {
        INDArray y = data.y();
        if (y.rank() > 1) {
            return Rows.gather(y, rows);
        }
        long[] all = y.toLongVector();
        long[] picked = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = all[rows[i]];
        }
        return Nd4j.createFromArray(picked).castTo(y.dataType());
    }
}
