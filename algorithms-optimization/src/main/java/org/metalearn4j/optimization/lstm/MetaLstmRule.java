package org.metalearn4j.optimization.lstm;

import java.util.List;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.Coordinates;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One step of {@link MetaLstm}: every coordinate of the learner's parameters is a row of layer one's batch, and the
 * new parameters are layer two's cell state. The rule's state is layer one's {@code hidden} and {@code cell}
 * {@code [N, H]} and the previous {@code forget} and {@code input} gates {@code [N, 1]}.
 */
final class MetaLstmRule implements UpdateRule {
    private static final List<String> NAMES = List.of("hidden", "cell", "forget", "input");
    private final LstmCell first;
    private final Params weights;
    private final LogAndSign preprocessing;
    private final boolean firstOrder;

    MetaLstmRule(LstmCell first, Params weights, LogAndSign preprocessing, boolean firstOrder) {
        this.first = first;
        this.weights = weights;
        this.preprocessing = preprocessing;
        this.firstOrder = firstOrder;
    }

    @Override
    public Params initialState(Params params) {
        long n = Coordinates.of(params).size();
        var type = params.tensors().get(0).dataType();
        return Params.of(NAMES, List.of(Tensor.constant(Nd4j.zeros(type, n, first.hiddenSize())),
                Tensor.constant(Nd4j.zeros(type, n, first.hiddenSize())), Tensor.constant(Nd4j.zeros(type, n, 1)),
                Tensor.constant(Nd4j.zeros(type, n, 1))));
    }

    @Override
    public Step step(Params params, Params grads, Tensor loss, Params state) {
        Coordinates layout = Coordinates.of(params, grads);
        Tensor theta = layout.column(params);
        Tensor grad = layout.column(grads);
        Tensor scalar = (firstOrder ? loss.detach() : loss).reshape(1, 1);
        if (firstOrder) {
            grad = grad.detach();
        }
        long n = theta.shape()[0];
        if (state.get("hidden").shape()[0] != n) {
            throw new IllegalArgumentException("LSTM meta-learner: its state covers " + state.get("hidden").shape()[0]
                    + " coordinates, the parameters have " + n);
        }
        Tensor x = Tensor.concat(1, List.of(preprocessing.apply(scalar).expand(n, 2), preprocessing.apply(grad)));
        LstmCell.State h = first.step(weights.scope("lstm"), x, new LstmCell.State(state.get("hidden"),
                state.get("cell")));
        Tensor forget = gate("forget", h.hidden(), theta, state.get("forget"));
        Tensor input = gate("input", h.hidden(), theta, state.get("input"));
        Tensor next = forget.mul(theta).sub(input.mul(grad));
        return new Step(layout.replace(params, next), Params.of(NAMES, List.of(h.hidden(), h.cell(), forget, input)));
    }

    /** {@code sigmoid([h, theta, previous] w^T + b)}, one value per coordinate. */
    private Tensor gate(String name, Tensor hidden, Tensor theta, Tensor previous) {
        Tensor features = Tensor.concat(1, List.of(hidden, theta, previous));
        return features.matmul(weights.get(name + ".weight"), false, true).add(weights.get(name + ".bias")).sigmoid();
    }
}
