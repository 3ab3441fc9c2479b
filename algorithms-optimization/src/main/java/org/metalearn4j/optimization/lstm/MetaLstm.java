package org.metalearn4j.optimization.lstm;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.nn.Init;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The meta-learner of Ravi and Larochelle (2017): a two-layer coordinatewise LSTM whose second layer's cell state is
 * the learner's parameters. Layer one is an ordinary LSTM over the preprocessed loss and gradient of each coordinate
 * ({@link LogAndSign}, 4 inputs); layer two has one unit per coordinate with the update
 * {@code theta_t = f_t * theta_{t-1} - i_t * grad_t}, whose forget and input gates are sigmoids of a linear function
 * of (layer one's hidden state, {@code theta_{t-1}}, the gate's previous value). All coordinates share the weights.
 *
 * <p>Parameters: {@code lstm.*} (layer one, {@link LstmCell}), {@code forget.weight [1, hidden + 2]},
 * {@code forget.bias [1]}, {@code input.weight}, {@code input.bias}. Gate weights start uniform in +-0.01, the forget
 * bias at 5 and the input bias at -4.5 (the middle of the paper's U(4, 6) and U(-5, -4)): the update starts as plain
 * gradient descent with a step near 0.01 that keeps the parameters.
 */
public final class MetaLstm {
    private static final double GATE_WEIGHT_BOUND = 0.01;
    private static final double FORGET_BIAS = 5.0;
    private static final double INPUT_BIAS = -4.5;

    private final LstmCell first;
    private final int hidden;
    private final LogAndSign preprocessing;

    /**
     * @param hidden        units of layer one (20 in the paper)
     * @param preprocessing exponent p of the log-and-sign preprocessing (10 in the paper)
     */
    public MetaLstm(int hidden, double preprocessing) {
        this.first = new LstmCell(4, hidden);
        this.hidden = hidden;
        this.preprocessing = new LogAndSign(preprocessing);
    }

    /** The shared weights, named as in the class comment. */
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        first.parameterSpecs().forEach(s -> specs.add(s.prefixed("lstm")));
        Init gate = new Init.Uniform(GATE_WEIGHT_BOUND);
        specs.add(new ParameterSpec("forget.weight", new long[] {1, hidden + 2}, gate));
        specs.add(new ParameterSpec("forget.bias", new long[] {1}, new Init.Constant(FORGET_BIAS)));
        specs.add(new ParameterSpec("input.weight", new long[] {1, hidden + 2}, gate));
        specs.add(new ParameterSpec("input.bias", new long[] {1}, new Init.Constant(INPUT_BIAS)));
        return specs;
    }

    /** Fresh weights; parameter {@code i} from {@code Seeds.derive(seed, i)}. */
    public Params init(long seed, DataType type) {
        List<ParameterSpec> specs = parameterSpecs();
        List<String> names = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            names.add(specs.get(i).name());
            tensors.add(Tensor.variable(specs.get(i).init().create(specs.get(i).shape(), type, Seeds.derive(seed, i))));
        }
        return Params.of(names, tensors);
    }

    /**
     * The update of the learner's parameters with these weights.
     *
     * @param firstOrder treat the learner's loss and gradient as constants, as the paper does (no second
     *                   derivatives); otherwise they stay in the graph
     */
    public UpdateRule rule(Params weights, boolean firstOrder) {
        return new MetaLstmRule(first, weights, preprocessing, firstOrder);
    }
}
