package org.metalearn4j.core.optim;

import java.util.HashMap;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam (Kingma and Ba) with bias correction, per-group learning rates and L2 weight decay. */
public final class Adam implements Optimizer {
    private final AdamConfig config;
    private final GroupSettings settings;
    private double learningRateFactor = 1.0;
    private final Map<String, INDArray> firstMoment = new HashMap<>();
    private final Map<String, INDArray> secondMoment = new HashMap<>();
    private long steps;

    public Adam(AdamConfig config) {
        this.config = config;
        this.settings = new GroupSettings(config.learningRate(), config.weightDecay(), config.groups());
    }

    @Override
    public void step(Params params, Params grads) {
        steps++;
        double c1 = 1 - Math.pow(config.beta1(), steps);
        double c2 = 1 - Math.pow(config.beta2(), steps);
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
            INDArray m = firstMoment.computeIfAbsent(name, k -> StepArena.outside(() -> p.ulike().assign(0)));
            INDArray v = secondMoment.computeIfAbsent(name, k -> StepArena.outside(() -> p.ulike().assign(0)));
            m.muli(config.beta1()).addi(g.mul(1 - config.beta1()));
            v.muli(config.beta2()).addi(g.mul(g).muli(1 - config.beta2()));
            INDArray denom = Transforms.sqrt(v, true).divi(Math.sqrt(c2)).addi(config.eps());
            p.subi(m.div(denom).muli(group.learningRate() * learningRateFactor / c1));
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
        sd.putLongs("steps", steps);
        firstMoment.forEach((name, m) -> sd.put("exp_avg." + name, m));
        secondMoment.forEach((name, v) -> sd.put("exp_avg_sq." + name, v));
        return sd;
    }

    @Override
    public void loadState(StateDict state) {
        steps = state.getLongs("steps")[0];
        firstMoment.clear();
        secondMoment.clear();
        state.withPrefix("exp_avg.").asMap().forEach((name, m) -> firstMoment.put(name, m.dup()));
        state.withPrefix("exp_avg_sq.").asMap().forEach((name, v) -> secondMoment.put(name, v.dup()));
    }
}
