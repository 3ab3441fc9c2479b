package org.metalearn4j.model.np;

import java.util.List;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tasks with the same number of points (context plus query) as one batch: each task's context rows, then its query
 * rows, and masks saying which rows are which. Contexts may differ in size within the batch; the masks let one
 * forward pass serve all of them.
 *
 * @param x         inputs {@code [B, n, xDim]}
 * @param y         targets {@code [B, n, yDim]}
 * @param context   1 on context rows, 0 on query rows {@code [B, n]}
 * @param targets   per-row weights of the training targets {@code [B, n]}, each task's summing to 1: all rows, or the
 *                  query rows only
 * @param query     per-row weights of the query rows {@code [B, n]}, each task's summing to 1 (the MSE metric)
 * @param counts    number of training targets of each task {@code [B]}
 */
record PointBatch(Tensor x, Tensor y, Tensor context, Tensor targets, Tensor query, Tensor counts) {

    /** The batch of {@code tasks} (all with the same number of points), in the parameters' data type. */
    static PointBatch of(List<Task> tasks, boolean targetsIncludeContext, int xDim, int yDim, DataType type) {
        int b = tasks.size();
        int n = tasks.get(0).support().size() + tasks.get(0).query().size();
        INDArray[] xs = new INDArray[b];
        INDArray[] ys = new INDArray[b];
        double[][] context = new double[b][n];
        double[][] targets = new double[b][n];
        double[][] query = new double[b][n];
        double[] counts = new double[b];
        for (int i = 0; i < b; i++) {
            Task t = tasks.get(i);
            int nc = t.support().size();
            int nq = t.query().size();
            if (nc + nq != n) {
                throw new IllegalArgumentException("PointBatch: tasks of one batch need one number of points, got "
                        + n + " and " + (nc + nq));
            }
            xs[i] = Nd4j.concat(0, rows(t.support().x(), xDim, type), rows(t.query().x(), xDim, type));
            ys[i] = Nd4j.concat(0, rows(t.support().y(), yDim, type), rows(t.query().y(), yDim, type));
            counts[i] = targetsIncludeContext ? n : nq;
            for (int r = 0; r < n; r++) {
                boolean isContext = r < nc;
                context[i][r] = isContext ? 1 : 0;
                query[i][r] = isContext ? 0 : 1.0 / nq;
                targets[i][r] = targetsIncludeContext ? 1.0 / n : query[i][r];
            }
        }
        return new PointBatch(Tensor.constant(Nd4j.stack(0, xs)), Tensor.constant(Nd4j.stack(0, ys)),
                constant(context, type), constant(targets, type), constant(query, type),
                Tensor.constant(Nd4j.createFromArray(counts).castTo(type)));
    }

    /** One task's examples {@code [n, width]} as a batch of one {@code [1, n, width]}. */
    static Tensor single(INDArray a, int width, DataType type) {
        return Tensor.constant(rows(a, width, type).reshape(1, a.size(0), width));
    }

    private static INDArray rows(INDArray a, int width, DataType type) {
        long n = a.size(0);
        if (a.length() != n * width) {
            throw new IllegalArgumentException("neural process: expected " + width + " values per point, got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        return a.castTo(type).reshape(n, width);
    }

    private static Tensor constant(double[][] values, DataType type) {
        return Tensor.constant(Nd4j.create(values).castTo(type));
    }
}
