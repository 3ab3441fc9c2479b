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
 * new parameters are layer two's cell state. The rule's state is {@code state [N, 3 + 2H]}, the previous output of
 * {@link MetaLstmStep} (layer one's hidden and cell state, the previous forget and input gates).
 */
final class MetaLstmRule implements UpdateRule {
    private static final String STATE = "state";
    private final MetaLstmStep step;
    private final Params weights;
    private final boolean firstOrder;

    MetaLstmRule(LstmCell first, Params weights, LogAndSign preprocessing, boolean firstOrder) {
        this.step = new MetaLstmStep(first, preprocessing);
        this.weights = weights;
        this.firstOrder = firstOrder;
    }

    @Override
    public Params initialState(Params params) {
        long n = Coordinates.of(params).size();
        var type = params.tensors().get(0).dataType();
        return Params.of(List.of(STATE), List.of(Tensor.constant(Nd4j.zeros(type, n, step.width()))));
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
        Tensor previous = state.get(STATE);
        if (previous.shape()[0] != n) {
            throw new IllegalArgumentException("LSTM meta-learner: its state covers " + previous.shape()[0]
                    + " coordinates, the parameters have " + n);
        }
        MetaLstmStep.Output out = step.apply(theta, grad, scalar, previous, weights);
        return new Step(layout.replace(params, out.theta()), Params.of(List.of(STATE), List.of(out.state())));
    }
}
