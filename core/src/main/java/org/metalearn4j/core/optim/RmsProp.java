package org.metalearn4j.core.optim;

import java.util.HashMap;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** RMSprop (Tieleman and Hinton) with per-group learning rates and L2 weight decay, as PyTorch's without momentum. */
public final class RmsProp implements Optimizer {
    private final RmsPropConfig config;
    private final GroupSettings settings;
    private double learningRateFactor = 1.0;
    private final Map<String, INDArray> squareAverage = new HashMap<>();

    public RmsProp(RmsPropConfig config) {
        this.config = config;
        this.settings = new GroupSettings(config.learningRate(), config.weightDecay(), config.groups());
    }

    @Override
    public void step(Params params, Params grads) {
        for (String name : params.names()) {
            if (!grads.contains(name)) {
                continue;
            }
            ParamGroup group = settings.forName(name);
            if (group.learningRate() == 0) {
                continue;
            }
            INDArray p = params.get(name).value();
            INDArray g = grads.get(name).value();
            if (group.weightDecay() != 0) {
                g = g.add(p.mul(group.weightDecay()));
            }
            INDArray v = squareAverage.computeIfAbsent(name, k -> StepArena.outside(() -> p.ulike().assign(0)));
            v.muli(config.alpha()).addi(g.mul(g).muli(1 - config.alpha()));
            INDArray denom = Transforms.sqrt(v, true).addi(config.eps());
            p.subi(g.div(denom).muli(group.learningRate() * learningRateFactor));
        }
    }

    @Override
    public void setLearningRateFactor(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("learning-rate factor must be finite and >= 0, got " + factor);
        }
        learningRateFactor = factor;
    }

    @Override
    public StateDict state() {
        StateDict sd = new StateDict();
        squareAverage.forEach((name, v) -> sd.put("square_avg." + name, v));
        return sd;
    }

    @Override
    public void loadState(StateDict state) {
        squareAverage.clear();
        state.withPrefix("square_avg.").asMap().forEach((name, v) -> squareAverage.put(name, v.dup()));
    }
}
