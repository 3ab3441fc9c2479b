package org.metalearn4j.core.optim;

import java.util.HashMap;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;

/** SGD with optional momentum, Nesterov momentum and weight decay, per-group learning rates. */
public final class Sgd implements Optimizer {
    private final SgdConfig config;
    private final GroupSettings settings;
    private double learningRateFactor = 1.0;
    private final Map<String, INDArray> momentum = new HashMap<>();

    public Sgd(SgdConfig config) {
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
            INDArray d = grads.get(name).value().dup();
            if (group.weightDecay() != 0) {
                d.addi(p.mul(group.weightDecay()));
            }
            if (config.momentum() != 0) {
                INDArray b = momentum.get(name);
                if (b == null) {
                    INDArray first = d;
                    b = StepArena.outside(first::dup);
                    momentum.put(name, b);
                } else {
                    b.muli(config.momentum()).addi(d);
                }
                d = config.nesterov() ? d.addi(b.mul(config.momentum())) : b.dup();
            }
            p.subi(d.muli(group.learningRate() * learningRateFactor));
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
        momentum.forEach((name, b) -> sd.put("momentum." + name, b));
        return sd;
    }

    @Override
    public void loadState(StateDict state) {
        momentum.clear();
        state.withPrefix("momentum.").asMap().forEach((name, b) -> momentum.put(name, b.dup()));
    }
}
