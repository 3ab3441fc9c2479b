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

/**
 * A {@link SetEncoder} over support pairs {@code [x, y]} as a {@link TaskEncoder}: differentiable through
 * {@link #encode(Params, Examples)} while it trains, and a frozen snapshot ({@link #frozen}) for everyone else.
 *
 * @param encoder the set encoder (parameters {@code encoder.*} of the task-encoder learner)
 * @param xDim    input values per point
 * @param yDim    target values per point
 */
public record LearnedTaskEncoder(SetEncoder encoder, int xDim, int yDim) {

    /** The embedding {@code [1, out]} of a non-empty support set with {@code params} ({@code encoder.*} scope). */
    public Tensor encode(Params params, Examples support) {
        DataType type = params.tensors().get(0).dataType();
        long n = support.size();
        Tensor pairs = Tensor.concat(1, List.of(Tensor.constant(support.x().castTo(type).reshape(n, xDim)),
                Tensor.constant(support.y().castTo(type).reshape(n, yDim))));
        return encoder.forward(params, pairs, ForwardContext.eval());
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
