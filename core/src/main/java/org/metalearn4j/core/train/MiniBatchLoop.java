package org.metalearn4j.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.pipeline.StageProgress;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Rows;
import org.metalearn4j.core.tensor.NonFiniteException;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The framework's one supervised mini-batch loop (pretraining, fine-tuning, distillation, multi-task training): each
 * iteration draws a batch of rows from one of the labelled sources, asks the {@link Objective} for its loss and takes
 * an optimizer step on the parameters. Batches come from a seeded stream, so a run is reproducible.
 *
 * <p>Sources take turns ({@link SourceOrder#ROUND_ROBIN}) or are drawn in proportion to their sizes; rows are drawn
 * uniformly with replacement, in proportion to per-example weights (importance resampling: in expectation the weighted
 * loss) or, when the batch is at least a single unweighted source's size, the whole source is the batch.
 *
 * <p>Parameters that are no longer finite after an update (and a read-back loss that is not) stop the loop with a
 * {@link TrainingDivergedException} naming the iteration; in {@code Autograd.checkNumerics()} mode it names the op.
 */
public final class MiniBatchLoop {
    /** How many of the last iterations {@link Result} averages over. */
    public static final int RECENT = 20;

    /** Which source each iteration draws from, when there are several. */
    public enum SourceOrder {
        /** Iteration {@code i} uses source {@code i mod sources}. */
        ROUND_ROBIN,
        /** A source drawn with probability proportional to its number of examples. */
        PROPORTIONAL
    }

    /**
     * One batch.
     *
     * @param source index of the source it came from
     * @param x      the inputs, rows of the source in draw order
     * @param labels their class labels
     */
    public record Batch(int source, INDArray x, int[] labels) {
    }

    /**
     * What an {@link Objective} computed for a batch.
     *
     * @param loss   the scalar to minimise, recorded with respect to the trained parameters
     * @param logits class scores of the batch for the accuracy figure, or null where there are none
     */
    public record BatchLoss(Tensor loss, Tensor logits) {
    }

    /** The loss of one batch at one iteration. */
    @FunctionalInterface
    public interface Objective {
        BatchLoss compute(Batch batch, int iteration);
    }

    /**
     * Mean loss and accuracy over the last {@value #RECENT} iterations, and each source's mean accuracy over those of
     * its iterations that fell into that window ({@code NaN} for a source without one).
     */
    public record Result(double loss, double accuracy, double[] sourceAccuracy) {
    }

    private final List<Examples> sources;
    private final List<int[]> labels;
    private final List<double[]> cumulativeWeights;
    private final SourceOrder order;
    private final int batchSize;
    private final long seed;

    /**
     * @param sources   labelled example sets (class labels as a vector)
     * @param weights   per-example weights of each source ({@code null} entries, or a null list, for uniform)
     * @param order     how sources take turns
     * @param batchSize rows per batch
     * @param seed      seeds the batch stream
     */
    public MiniBatchLoop(List<Examples> sources, List<double[]> weights, SourceOrder order, int batchSize, long seed) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("mini-batch loop: no sources");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: expected at least 1, got " + batchSize);
        }
        this.sources = List.copyOf(sources);
        this.order = Objects.requireNonNull(order, "order");
        this.batchSize = batchSize;
        this.seed = seed;
        this.labels = new ArrayList<>();
        this.cumulativeWeights = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            Examples e = sources.get(s);
            labels.add(e.y().castTo(DataType.INT).reshape(-1).toIntVector());
            double[] w = weights == null ? null : weights.get(s);
            cumulativeWeights.add(w == null ? null : cumulative(w, e.size()));
        }
    }

    /** One source of uniformly drawn rows. */
    public static MiniBatchLoop uniform(Examples data, int batchSize, long seed) {
        return new MiniBatchLoop(List.of(data), null, SourceOrder.ROUND_ROBIN, batchSize, seed);
    }

    /**
     * Runs {@code iterations} optimizer steps on {@code params}.
     *
     * @param progress told each iteration's loss and accuracy; {@link StageProgress#NONE} skips reading them back
     *                 except in the last {@value #RECENT} iterations
     */
    public Result run(int iterations, Params params, Optimizer optimizer, Objective objective,
                      StageProgress progress) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: expected at least 1, got " + iterations);
        }
        iterations = DryRun.steps(iterations);
        Random rnd = new Random(seed);
        int window = Math.min(iterations, RECENT);
        double lossSum = 0;
        double accuracySum = 0;
        double[] sourceSum = new double[sources.size()];
        int[] sourceCount = new int[sources.size()];
        boolean reporting = progress != StageProgress.NONE;
        Map<String, INDArray> trained = params.arrays();
        for (int it = 0; it < iterations; it++) {
            int source = order == SourceOrder.ROUND_ROBIN ? it % sources.size() : proportional(rnd);
            Batch batch = draw(source, rnd);
            BatchLoss out = compute(objective, batch, it);
            boolean inTail = it >= iterations - window;
            double loss = reporting || inTail ? out.loss().item() : Double.NaN;
            if (reporting || inTail) {
                requireFinite(loss, it);
            }
            double accuracy = (reporting || inTail) && out.logits() != null
                    ? Accuracy.of(out.logits().value(), batch.labels()) : Double.NaN;
            if (inTail) {
                lossSum += loss;
                accuracySum += accuracy;
                sourceSum[source] += accuracy;
                sourceCount[source]++;
            }
            optimizer.step(params, params.grad(out.loss(), false));
            int iteration = it + 1;
            FiniteCheck.firstNonFinite(trained).ifPresent(p -> {
                throw new TrainingDivergedException(iteration, "after the update, parameter " + p);
            });
            if (reporting) {
                progress.report(it + 1, iterations, out.logits() == null ? Map.of("loss", loss)
                        : Map.of("loss", loss, "accuracy", accuracy));
            }
        }
        double[] perSource = new double[sources.size()];
        for (int s = 0; s < perSource.length; s++) {
            perSource[s] = sourceCount[s] == 0 ? Double.NaN : sourceSum[s] / sourceCount[s];
        }
        return new Result(lossSum / window, accuracySum / window, perSource);
    }

    private static BatchLoss compute(Objective objective, Batch batch, int it) {
        try {
            return objective.compute(batch, it);
        } catch (NonFiniteException e) {
            TrainingDivergedException d = new TrainingDivergedException(it + 1, e.getMessage()
                    + " (Autograd.checkNumerics)");
            d.initCause(e);
            throw d;
        }
    }

    private static void requireFinite(double loss, int it) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(it + 1, "the loss is " + loss);
        }
    }

    private Batch draw(int source, Random rnd) {
        Examples data = sources.get(source);
        int[] all = labels.get(source);
        double[] cumulative = cumulativeWeights.get(source);
        int n = data.size();
        if (batchSize >= n && cumulative == null) {
            return new Batch(source, data.x(), all);
        }
        int[] rows = new int[batchSize];
        int[] batchLabels = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            rows[i] = cumulative == null ? rnd.nextInt(n) : draw(cumulative, rnd);
            batchLabels[i] = all[rows[i]];
        }
        return new Batch(source, Rows.gather(data.x(), rows), batchLabels);
    }

    private int proportional(Random rnd) {
        long total = sources.stream().mapToLong(Examples::size).sum();
        long r = (long) (rnd.nextDouble() * total);
        for (int s = 0; s < sources.size(); s++) {
            r -= sources.get(s).size();
            if (r < 0) {
                return s;
            }
        }
        return sources.size() - 1;
    }

    private static double[] cumulative(double[] weights, int n) {
        if (weights.length != n) {
            throw new IllegalArgumentException("got " + weights.length + " example weights for " + n + " examples");
        }
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("example weight " + i + " is " + weights[i] + ", must be >= 0");
            }
            sum += weights[i];
            c[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("example weights sum to " + sum + ", must be > 0");
        }
        return c;
    }

    private static int draw(double[] cumulative, Random rnd) {
        double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
    }
}
