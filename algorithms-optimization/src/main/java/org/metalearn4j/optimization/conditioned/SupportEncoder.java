package org.metalearn4j.optimization.conditioned;

import java.util.List;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Reads a task's support set into one task embedding, the input of a task-conditioned optimizer. Kept an interface so
 * that another set encoder (a model-based learner's task encoder, once one is shared in core) can replace the built-in
 * {@link MeanPoolEncoder} without touching the optimizer.
 */
public interface SupportEncoder {

    /** The encoder's trained parameters, names relative to it. */
    List<ParameterSpec> parameterSpecs();

    /** The embedding's width. */
    int width();

    /**
     * The embedding {@code [1, width]} of a support set, differentiable in {@code params}.
     *
     * @param x       the support inputs {@code [n, ...]}
     * @param targets their targets {@code [n, t]}: regression values, or one-hot classes
     */
    Tensor encode(Params params, Tensor x, Tensor targets);
}
