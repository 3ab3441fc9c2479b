package org.metalearn4j.optimization.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.nn.LstmCell;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.Coordinates;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained learned optimizer as an {@link Optimizer} for any training loop (pretraining, fine-tuning, the MAML
 * meta-optimizer): each step moves every trainable coordinate by its group's {@link CoordinatewiseLstm} output, times
 * the coordinate's group learning rate relative to the base rate (so frozen parameters, rate 0, never move) and the
 * schedule's factor. The LSTM states are kept per parameter, so the optimizer serves any parameters its groups match.
 *
 * <p>A step first checks everything (every gradient finite, every parameter matched by a group, every saved state of
 * the parameter's size) and only then writes: a failing step leaves parameters and state as they were.
 */
public final class LearnedLstmOptimizer implements Optimizer {
    private final CoordinatewiseLstm network;
    private final Params weights;
    private final ParameterGroups groups;
    private final OptimizerSetup setup;
    private final String origin;
    private final Map<String, INDArray[]> states = new HashMap<>();
    private double learningRateFactor = 1.0;
    private long steps;

    /**
     * @param weights the networks' weights, {@code <group>.*} (used as they are: pass copies)
     * @param setup   the loop's base learning rate (must be > 0) and groups
     * @param origin  where the weights came from, for messages
     */
    public LearnedLstmOptimizer(CoordinatewiseLstm network, Params weights, ParameterGroups groups,
                                OptimizerSetup setup, String origin) {
        if (!(setup.learningRate() > 0)) {
            throw new IllegalArgumentException("lr: a learned optimizer scales its steps by group rates relative to"
                    + " the base learning rate, which must be > 0; got " + setup.learningRate());
        }
        this.network = network;
        this.weights = weights;
        this.groups = groups;
        this.setup = setup;
        this.origin = origin;
    }

    @Override
    public void step(Params params, Params grads) {
        Map<Integer, List<String>> served = servedByGroup(params, grads);
        Map<String, INDArray> updates = new LinkedHashMap<>();
        Map<String, INDArray[]> nextStates = new HashMap<>();
        try (Scope noGrad = Autograd.noGrad()) {
            for (Map.Entry<Integer, List<String>> e : served.entrySet()) {
                Params gradients = grads.filter(e.getValue()::contains).map(g -> Tensor.constant(g.value()));
                Coordinates layout = Coordinates.of(gradients);
                CoordinatewiseLstm.Output out = network.step(weights.scope(Integer.toString(e.getKey())),
                        layout.column(gradients), state(layout, params.get(e.getValue().get(0)).value()));
                layout.shaped(out.update()).forEach((n, u) -> updates.put(n, u.value()));
                split(layout, out.state(), nextStates);
            }
        }
        for (Map.Entry<String, INDArray> u : updates.entrySet()) {
            double rate = setup.groupOf(u.getKey()).learningRate() / setup.learningRate() * learningRateFactor;
            params.get(u.getKey()).value().addi(u.getValue().mul(rate));
        }
        nextStates.forEach((n, s) -> states.put(n, StepArena.outside(() -> Arrays.stream(s).map(INDArray::dup)
                .toArray(INDArray[]::new))));
        steps++;
    }

    /** The trainable parameters with gradients by group, after checking gradients and saved states. */
    private Map<Integer, List<String>> servedByGroup(Params params, Params grads) {
        Map<Integer, List<String>> served = new java.util.TreeMap<>();
        for (String n : params.names()) {
            if (!grads.contains(n) || setup.groupOf(n).learningRate() == 0) {
                continue;
            }
            INDArray g = grads.get(n).value();
            if (g.isNaN().any() || g.isInfinite().any()) {
                throw new IllegalArgumentException(origin + ": the gradient of '" + n + "' is not finite at"
                        + " optimizer step " + (steps + 1) + "; no parameter was updated");
            }
            INDArray[] saved = states.get(n);
            if (saved != null && saved[0].size(0) != g.length()) {
                throw new IllegalArgumentException(origin + ": its saved state for '" + n + "' covers "
                        + saved[0].size(0) + " coordinates but the parameter has " + g.length() + " (shape "
                        + Arrays.toString(g.shape()) + "): the state belongs to another model");
            }
            served.computeIfAbsent(groups.of(n), k -> new ArrayList<>()).add(n);
        }
        return served;
    }

    /** The group's LSTM state: each parameter's saved rows, zeros for one seen for the first time. */
    private CoordinatewiseLstm.State state(Coordinates layout, INDArray like) {
        List<LstmCell.State> layers = new ArrayList<>();
        for (int l = 0; l < network.depth(); l++) {
            List<INDArray> hidden = new ArrayList<>();
            List<INDArray> cell = new ArrayList<>();
            for (int i = 0; i < layout.names().size(); i++) {
                INDArray[] saved = states.get(layout.names().get(i));
                long rows = Arrays.stream(layout.shapes().get(i)).reduce(1, Math::multiplyExact);
                hidden.add(saved != null ? saved[2 * l] : Nd4j.zeros(like.dataType(), rows, network.hidden()));
                cell.add(saved != null ? saved[2 * l + 1] : Nd4j.zeros(like.dataType(), rows, network.hidden()));
            }
            layers.add(new LstmCell.State(Tensor.constant(Nd4j.concat(0, hidden.toArray(INDArray[]::new))),
                    Tensor.constant(Nd4j.concat(0, cell.toArray(INDArray[]::new)))));
        }
        return new CoordinatewiseLstm.State(layers);
    }

    private void split(Coordinates layout, CoordinatewiseLstm.State state, Map<String, INDArray[]> into) {
        for (String n : layout.names()) {
            into.put(n, new INDArray[2 * network.depth()]);
        }
        for (int l = 0; l < network.depth(); l++) {
            int layer = l;
            layout.split(state.layers().get(l).hidden()).forEach((n, h) -> into.get(n)[2 * layer] = h.value());
            layout.split(state.layers().get(l).cell()).forEach((n, c) -> into.get(n)[2 * layer + 1] = c.value());
        }
    }

    @Override
    public void setLearningRateFactor(double factor) {
        learningRateFactor = LrSchedule.checkedFactor(factor);
    }

    /** The step count and every parameter's LSTM states, {@code <layer>.hidden.<name>} and {@code .cell.}. */
    @Override
    public StateDict state() {
        StateDict sd = new StateDict();
        sd.putLongs("steps", steps);
        states.forEach((n, s) -> {
            for (int l = 0; l < network.depth(); l++) {
                sd.put(l + ".hidden." + n, s[2 * l]);
                sd.put(l + ".cell." + n, s[2 * l + 1]);
            }
        });
        return sd;
    }

    @Override
    public void loadState(StateDict state) {
        steps = state.getLongs("steps")[0];
        states.clear();
        state.withPrefix("0.hidden.").names().forEach(n -> {
            INDArray[] s = new INDArray[2 * network.depth()];
            for (int l = 0; l < network.depth(); l++) {
                s[2 * l] = state.get(l + ".hidden." + n).dup();
                s[2 * l + 1] = state.get(l + ".cell." + n).dup();
            }
            states.put(n, s);
        });
    }
}
