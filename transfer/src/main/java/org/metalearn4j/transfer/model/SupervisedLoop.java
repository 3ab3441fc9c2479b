package org.metalearn4j.transfer.model;

import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.pipeline.StageProgress;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.transfer.data.Rows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Minibatch cross-entropy training of a {@link Classifier}, plus an optional regulariser on its parameters. Batches are
 * drawn with replacement from a seeded stream, so a run is reproducible. Kept minimal on purpose: core.train's loop
 * (events, checkpoints, resume) should replace it.
 */
public final class SupervisedLoop {
    private SupervisedLoop() {
    }

    /** Mean loss and accuracy over the last steps of a run. */
    public record Result(double loss, double accuracy) {
    }

    /**
     * @param batchSize  examples per step; {@code >= data.size()} means full batch (no sampling)
     * @param regulariser extra loss on the parameters (e.g. L2-SP), or {@code null}
     * @param progress    told the step's loss and accuracy after every step; {@link StageProgress#NONE} skips the
     *                    per-step read-back of those values
     */
    public static Result train(Classifier model, Examples data, int iterations, int batchSize, Optimizer optimizer,
                               Function<Params, Tensor> regulariser, long seed, StageProgress progress) {
        return train(model, data, null, iterations, batchSize, optimizer, regulariser, seed, progress);
    }

    /**
     * As above, with example {@code weights} (non-negative, any scale, or {@code null} for uniform): batch members are
     * drawn with probability proportional to their weight, which in expectation equals the weighted loss
     * {@code sum w_i CE_i / sum w_i} without changing the loss code (importance resampling).
     */
    public static Result train(Classifier model, Examples data, double[] weights, int iterations, int batchSize,
                               Optimizer optimizer, Function<Params, Tensor> regulariser, long seed,
                               StageProgress progress) {
        if (iterations < 1 || batchSize < 1) {
            throw new IllegalArgumentException("iterations and batchSize must be >= 1, got " + iterations + ", "
                    + batchSize);
        }
        Random rnd = new Random(seed);
        int n = data.size();
        double[] cumulative = weights == null ? null : cumulative(weights, n);
        int[] allLabels = data.y().castTo(DataType.INT).reshape(-1).toIntVector();
        int tail = Math.max(1, Math.min(iterations, 20));
        double lossSum = 0;
        double accSum = 0;
        boolean reporting = progress != StageProgress.NONE;
        for (int it = 0; it < iterations; it++) {
            INDArray x;
            int[] labels;
            if (batchSize >= n && weights == null) {
                x = data.x();
                labels = allLabels;
            } else {
                int[] rows = new int[batchSize];
                labels = new int[batchSize];
                for (int i = 0; i < batchSize; i++) {
                    int r = cumulative == null ? rnd.nextInt(n) : draw(cumulative, rnd);
                    rows[i] = r;
                    labels[i] = allLabels[r];
                }
                x = Rows.gather(data.x(), rows);
            }
            Tensor logits = model.logits(x, true, Seeds.derive(seed, it));
            Tensor loss = Losses.crossEntropy(logits, labels);
            if (regulariser != null) {
                loss = loss.add(regulariser.apply(model.params()));
            }
            boolean inTail = it >= iterations - tail;
            double stepLoss = reporting || inTail ? loss.item() : Double.NaN;
            double stepAccuracy = reporting || inTail ? Losses.accuracy(logits, labels) : Double.NaN;
            if (inTail) {
                lossSum += stepLoss;
                accSum += stepAccuracy;
            }
            Params params = model.params();
            optimizer.step(params, params.grad(loss, false));
            if (reporting) {
                progress.report(it + 1, iterations, Map.of("loss", stepLoss, "accuracy", stepAccuracy));
            }
        }
        return new Result(lossSum / tail, accSum / tail);
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
        int i = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
    }
}
