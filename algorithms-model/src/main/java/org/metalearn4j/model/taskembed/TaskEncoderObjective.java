package org.metalearn4j.model.taskembed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.EpisodeObjective;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link LearnedTaskEncoder} so that embedding distances equal solution distances: over every pair of tasks
 * of the meta-batch, the normalised stress {@code sum (|e_i - e_j| - D_ij)^2 / sum D_ij^2}, where {@code e} embeds the
 * support set and {@code D_ij} is the {@link RidgeSolutions#distance} between the two tasks' reference solutions
 * (fitted on all their points) on both tasks' inputs. Reported: the Spearman rank correlation between embedding and
 * solution distances over the batch's pairs.
 */
final class TaskEncoderObjective implements EpisodeObjective {
    private static final double EPS = 1e-12;
    private final LearnedTaskEncoder encoder;
    private final RidgeSolutions ridge;
    private final Supplier<List<KnownSolution>> known;

    /** @param known the known tasks an adapter starts from, read when the adapter is made */
    TaskEncoderObjective(LearnedTaskEncoder encoder, RidgeSolutions ridge, Supplier<List<KnownSolution>> known) {
        this.encoder = encoder;
        this.ridge = ridge;
        this.known = known;
    }

    @Override
    public Result loss(Params params, List<Task> batch, ForwardContext ctx) {
        int b = batch.size();
        if (b < 2) {
            throw new IllegalArgumentException("task-encoder compares the tasks of a meta-batch with each other; it"
                    + " needs at least 2 (train.metaBatch), got " + b);
        }
        DataType type = params.tensors().get(0).dataType();
        List<double[][]> inputs = new ArrayList<>(b);
        List<double[][]> solutions = new ArrayList<>(b);
        Map<Integer, List<Integer>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < b; i++) {
            Task task = batch.get(i);
            if (task.support().size() == 0) {
                throw new IllegalArgumentException(task.domain() + ": empty support set; a task embedding needs at"
                        + " least one point");
            }
            bySize.computeIfAbsent(task.support().size(), k -> new ArrayList<>()).add(i);
            double[][] x = Points.inputs(task, encoder.xDim());
            inputs.add(x);
            solutions.add(ridge.solve(x, Points.targets(task, encoder.yDim()), null));
        }
        Tensor e = embed(params, batch, bySize);
        double[] target = new double[b * b];
        double[] mask = new double[b * b];
        double norm = 0;
        for (int i = 0; i < b; i++) {
            for (int j = i + 1; j < b; j++) {
                double d = ridge.distance(solutions.get(i), solutions.get(j), Points.concat(inputs.get(i),
                        inputs.get(j)));
                target[i * b + j] = d;
                mask[i * b + j] = 1;
                norm += d * d;
            }
        }
        if (!(norm > 0)) {
            throw new IllegalArgumentException("task-encoder: every task of the meta-batch has the same solution;"
                    + " their distances cannot be learned");
        }
        long dim = e.shape()[1];
        Tensor diff = e.reshape(b, 1, dim).expand(b, b, dim).sub(e.reshape(1, b, dim).expand(b, b, dim));
        Tensor distance = diff.square().sum(false, 2).add(EPS).sqrt();
        Tensor residual = distance.sub(constant(target, b, type)).mul(constant(mask, b, type));
        Tensor loss = residual.square().sum().div(norm);
        double[] learned = distance.value().castTo(DataType.DOUBLE).reshape((long) b * b).toDoubleVector();
        double correlation = Spearman.of(upper(learned, b), upper(target, b));
        return new Result(loss, Double.NaN, Map.of("rankCorrelation", correlation));
    }

    /** The embeddings {@code [B, dim]} in batch order, each group of equally large support sets in one pass. */
    private Tensor embed(Params params, List<Task> batch, Map<Integer, List<Integer>> bySize) {
        if (bySize.size() == 1) {
            return encoder.encode(params.scope("encoder"), batch.stream().map(Task::support).toList());
        }
        Tensor[] rows = new Tensor[batch.size()];
        for (List<Integer> group : bySize.values()) {
            Tensor encoded = encoder.encode(params.scope("encoder"), group.stream().map(i -> batch.get(i).support())
                    .toList());
            for (int k = 0; k < group.size(); k++) {
                rows[group.get(k)] = encoded.slice(0, k, k + 1);
            }
        }
        return Tensor.concat(0, List.of(rows));
    }

    private static Tensor constant(double[] values, int b, DataType type) {
        return Tensor.constant(Nd4j.create(values, new long[] {b, b}, DataType.DOUBLE).castTo(type));
    }

    private static double[] upper(double[] square, int b) {
        double[] out = new double[b * (b - 1) / 2];
        int k = 0;
        for (int i = 0; i < b; i++) {
            for (int j = i + 1; j < b; j++) {
                out[k++] = square[i * b + j];
            }
        }
        return out;
    }

    /** The nearest-known-task warm start over the known tasks at this moment. */
    @Override
    public Adapter adapter(Params params, RunningStats stats) {
        return new WarmStartAdapter(encoder.frozen(params.scope("encoder")), ridge, known.get(), encoder.xDim(),
                encoder.yDim());
    }
}
