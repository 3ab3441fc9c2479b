package org.metalearn4j.core.nn;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A functional network layer: it owns no weights, only their {@link #parameterSpecs() specification}; the weights
 * come in as {@link Params} on every call, so one module can run with any number of weight sets (fast weights).
 */
public interface Module {
    /** The parameters this module reads, names relative to the module, in a fixed order. */
    List<ParameterSpec> parameterSpecs();

    /**
     * Runs the module.
     *
     * @param params weights scoped to this module ({@code params.get("weight")})
     * @param x      input batch
     * @param ctx    training/eval mode, batch-norm running statistics, dropout seeds
     */
    Tensor forward(Params params, Tensor x, ForwardContext ctx);

    /** Fresh float32 parameters; parameter {@code i} is drawn from {@code Seeds.derive(seed, i)}. */
    default Params init(long seed) {
        return init(seed, DataType.FLOAT);
    }

    /** Fresh leaf variables of the given data type, reproducible from {@code seed}. */
    default Params init(long seed, DataType type) {
        List<ParameterSpec> specs = parameterSpecs();
        List<String> names = new ArrayList<>(specs.size());
        List<Tensor> tensors = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            ParameterSpec s = specs.get(i);
            names.add(s.name());
            tensors.add(Tensor.variable(s.init().create(s.shape(), type, Seeds.derive(seed, i))));
        }
        return Params.of(names, tensors);
    }
}
