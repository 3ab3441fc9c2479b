package org.metalearn4j.optimization.learned;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.lstm.LogAndSign;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The optimizer network of Andrychowicz et al. (2016): a stack of LSTM layers applied to every coordinate of the
 * optimizee separately (the coordinates are the batch, all share the weights), reading the log-and-sign preprocessed
 * gradient and writing the coordinate's update, a linear read-out of the last hidden state times {@code outputScale}.
 *
 * <p>Parameters, relative to one network: {@code <layer>.weight_ih ...} ({@link LstmCell}) for layers 0.., then
 * {@code out.weight [1, hidden]} and {@code out.bias [1]}.
 */
public final class CoordinatewiseLstm {
    private final List<LstmCell> layers;
    private final Linear out;
    private final LogAndSign preprocessing;
    private final double outputScale;

    /**
     * @param layers        stacked LSTM layers (2 in the paper)
     * @param hidden        units per layer (20)
     * @param preprocessing exponent of the log-and-sign preprocessing
     * @param outputScale   factor of the read-out (0.01)
     */
    public CoordinatewiseLstm(int layers, int hidden, double preprocessing, double outputScale) {
        this.layers = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            this.layers.add(new LstmCell(l == 0 ? 2 : hidden, hidden));
        }
        this.out = new Linear(hidden, 1);
        this.preprocessing = new LogAndSign(preprocessing);
        this.outputScale = outputScale;
    }

    /** Each layer's hidden and cell state, {@code [coordinates, hidden]}. */
    public record State(List<LstmCell.State> layers) {
        public State {
            layers = List.copyOf(layers);
        }
    }

    /** One update and the next state. */
    public record Output(Tensor update, State state) {
    }

    /** The weights of one network, named as in the class comment. */
    public List<ParameterSpec> parameterSpecs() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            for (ParameterSpec s : layers.get(l).parameterSpecs()) {
                specs.add(s.prefixed(Integer.toString(l)));
            }
        }
        out.parameterSpecs().forEach(s -> specs.add(s.prefixed("out")));
        return specs;
    }

    /** Units per layer. */
    public int hidden() {
        return layers.get(0).hiddenSize();
    }

    /** How many LSTM layers. */
    public int depth() {
        return layers.size();
    }

    /** The all-zero state of {@code coordinates} coordinates. */
    public State zeroState(long coordinates, DataType type) {
        List<LstmCell.State> states = new ArrayList<>();
        for (LstmCell layer : layers) {
            states.add(new LstmCell.State(Tensor.constant(Nd4j.zeros(type, coordinates, layer.hiddenSize())),
                    Tensor.constant(Nd4j.zeros(type, coordinates, layer.hiddenSize()))));
        }
        return new State(states);
    }

    /**
     * The update of every coordinate of the gradient column {@code grad [N, 1]}.
     *
     * @param weights one network's weights (scoped)
     */
    public Output step(Params weights, Tensor grad, State state) {
        Tensor h = preprocessing.apply(grad);
        List<LstmCell.State> next = new ArrayList<>(layers.size());
        for (int l = 0; l < layers.size(); l++) {
            LstmCell.State s = layers.get(l).step(weights.scope(Integer.toString(l)), h, state.layers().get(l));
            next.add(s);
            h = s.hidden();
        }
        Tensor update = out.forward(weights.scope("out"), h, ForwardContext.eval()).mul(outputScale);
        return new Output(update, new State(next));
    }
}
