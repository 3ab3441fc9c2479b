package org.metalearn4j.model.taskembed;

import java.util.List;
import org.metalearn4j.core.learner.TaskEncoder;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link SetEncoder} over the points of a support set as a {@link TaskEncoder}: differentiable through
 * {@link #encode(Params, List)} while it trains, and a frozen snapshot ({@link #frozen}) for everyone else. Each point
 * enters as {@code [x, y, y (x) phi(x)]}, with {@code phi} the random features of the reference solutions: the set's
 * average of {@code y phi(x)} is {@code Phi^T y / n}, the statistic the reference ridge solution is a function of, so
 * the encoder can express it without learning products of targets and periodic functions of the inputs first.
 *
 * @param encoder  the set encoder (parameters {@code encoder.*} of the task-encoder learner); its input width must be
 *                 {@link #elementWidth}
 * @param features the random features {@code phi}
 * @param xDim     input values per point
 * @param yDim     target values per point
 */
public record LearnedTaskEncoder(SetEncoder encoder, RidgeSolutions features, int xDim, int yDim) {
    public LearnedTaskEncoder {
        if (encoder.in() != elementWidth(features, xDim, yDim)) {
            throw new IllegalArgumentException("LearnedTaskEncoder: the set encoder reads " + encoder.in()
                    + " values per point, expected " + elementWidth(features, xDim, yDim));
        }
    }

    /** The width of one point's input: {@code xDim + yDim + yDim * features}. */
    public static int elementWidth(RidgeSolutions features, int xDim, int yDim) {
        return xDim + yDim + yDim * features.features();
    }

    /** The embedding {@code [1, out]} of a non-empty support set with {@code params} ({@code encoder.*} scope). */
    public Tensor encode(Params params, Examples support) {
        return encode(params, List.of(support));
    }

    /** The embeddings {@code [B, out]} of non-empty support sets of one size, in one pass. */
    public Tensor encode(Params params, List<Examples> supports) {
        DataType type = params.tensors().get(0).dataType();
        int n = supports.get(0).size();
        int width = encoder.in();
        double[] values = new double[supports.size() * n * width];
        int at = 0;
        for (Examples s : supports) {
            if (s.size() != n) {
                throw new IllegalArgumentException("task encoder: support sets of one batch need one size, got " + n
                        + " and " + s.size());
            }
            double[][] x = Points.rows(s.x(), xDim);
            double[][] y = Points.rows(s.y(), yDim);
            double[][] phi = features.featurize(x);
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[i], 0, values, at, xDim);
                System.arraycopy(y[i], 0, values, at + xDim, yDim);
                int p = at + xDim + yDim;
                for (int o = 0; o < yDim; o++) {
                    for (double f : phi[i]) {
                        values[p++] = y[i][o] * f;
                    }
                }
                at += width;
            }
        }
        INDArray points = Nd4j.create(values, new long[] {supports.size(), n, width}, DataType.DOUBLE).castTo(type);
        return encoder.forward(params, Tensor.constant(points), ForwardContext.eval());
    }

    /** A frozen {@link TaskEncoder} with {@code params}, which must not change afterwards. */
    public TaskEncoder frozen(Params params) {
        return new TaskEncoder() {
            @Override
            public int dimension() {
                return encoder.out();
            }

            @Override
            public INDArray encode(Examples support) {
                if (support.size() == 0) {
                    throw new IllegalArgumentException("task encoder: the support set is empty");
                }
                try (Scope s = Autograd.noGrad()) {
                    return LearnedTaskEncoder.this.encode(params, support).value().reshape(encoder.out());
                }
            }
        };
    }
}
