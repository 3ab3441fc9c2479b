package org.metalearn4j.optimization.learned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.Coordinates;

/**
 * A learned optimizer as a differentiable inner-loop update: {@code theta + network(grad)} for every coordinate, the
 * coordinates of each parameter group run through that group's {@link CoordinatewiseLstm}. The rule's state is each
 * group's LSTM state, {@code <group>.<layer>.hidden} and {@code .cell}, {@code [coordinates, hidden]}, the group's
 * coordinates in parameter-name order.
 */
public final class LearnedLstmRule implements UpdateRule {
    private final CoordinatewiseLstm network;
    private final Params weights;
    private final ParameterGroups groups;
    private final boolean firstOrder;
    private final UnaryOperator<String> groupedName;

    /**
     * @param weights    the networks' weights, {@code <group>.*}
     * @param firstOrder take the optimizee's gradients as constants (Andrychowicz et al.: no second derivatives)
     */
    public LearnedLstmRule(CoordinatewiseLstm network, Params weights, ParameterGroups groups, boolean firstOrder) {
        this(network, weights, groups, firstOrder, UnaryOperator.identity());
    }

    /** As the public constructor, matching groups against {@code groupedName} of each parameter's name. */
    LearnedLstmRule(CoordinatewiseLstm network, Params weights, ParameterGroups groups, boolean firstOrder,
                    UnaryOperator<String> groupedName) {
        this.network = network;
        this.weights = weights;
        this.groups = groups;
        this.firstOrder = firstOrder;
        this.groupedName = groupedName;
    }

    /** Zero states for the parameters that require gradients (those an inner loop will update). */
    @Override
    public Params initialState(Params params) {
        Params trainable = params.filter(n -> params.get(n).requiresGrad());
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (Map.Entry<Integer, Coordinates> e : layouts(trainable, trainable).entrySet()) {
            CoordinatewiseLstm.State zero = network.zeroState(e.getValue().size(),
                    trainable.tensors().get(0).dataType());
            put(state, e.getKey(), zero);
        }
        return Params.of(state);
    }

    @Override
    public Step step(Params params, Params grads, Tensor loss, Params state) {
        Params next = params;
        Map<String, Tensor> nextState = new LinkedHashMap<>();
        for (Map.Entry<Integer, Coordinates> e : layouts(params, grads).entrySet()) {
            int g = e.getKey();
            Coordinates layout = e.getValue();
            Tensor grad = layout.column(grads);
            CoordinatewiseLstm.Output out = network.step(weights.scope(Integer.toString(g)),
                    firstOrder ? grad.detach() : grad, state(state, g, layout.size()));
            next = layout.replace(next, layout.column(params).add(out.update()));
            put(nextState, g, out.state());
        }
        return new Step(next, Params.of(nextState));
    }

    /** The coordinates of each group that {@code grads} covers, groups in order. */
    private Map<Integer, Coordinates> layouts(Params params, Params grads) {
        Map<Integer, List<String>> names = new LinkedHashMap<>();
        for (String n : params.names()) {
            if (grads.contains(n)) {
                names.computeIfAbsent(groups.of(groupedName.apply(n)), k -> new ArrayList<>()).add(n);
            }
        }
        Map<Integer, Coordinates> out = new java.util.TreeMap<>();
        names.forEach((g, list) -> out.put(g, Coordinates.of(params.filter(list::contains))));
        return out;
    }

    private CoordinatewiseLstm.State state(Params state, int group, long coordinates) {
        List<LstmCell.State> layers = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            Tensor hidden = state.get(group + "." + l + ".hidden");
            if (hidden.shape()[0] != coordinates) {
                throw new IllegalArgumentException("learned optimizer: the state of parameter group " + group
                        + " covers " + hidden.shape()[0] + " coordinates, the parameters have " + coordinates);
            }
            layers.add(new LstmCell.State(hidden, state.get(group + "." + l + ".cell")));
        }
        return new CoordinatewiseLstm.State(layers);
    }

    private void put(Map<String, Tensor> state, int group, CoordinatewiseLstm.State s) {
        for (int l = 0; l < s.layers().size(); l++) {
            state.put(group + "." + l + ".hidden", s.layers().get(l).hidden());
            state.put(group + "." + l + ".cell", s.layers().get(l).cell());
        }
    }
}
