package org.metalearn4j.core.optim;

import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam (Kingma and Ba) with bias correction, per-group learning rates and L2 weight decay. */
public final class Adam extends ElementwiseOptimizer {
    private final AdamConfig config;
    private final NamedBuffers firstMoment = new NamedBuffers("exp_avg.");
    private final NamedBuffers secondMoment = new NamedBuffers("exp_avg_sq.");
    private long steps;
    /** This step's bias corrections {@code 1 - beta^steps}, the same for every parameter. */
    private double c1;
    private double c2;

    public Adam(AdamConfig config) {
        super(new GroupSettings(config.learningRate(), config.weightDecay(), config.groups()));
        this.config = config;
    }

    @Override
    void beginStep() {
        steps++;
        c1 = 1 - Math.pow(config.beta1(), steps);
        c2 = 1 - Math.pow(config.beta2(), steps);
    }

    @Override
    void update(String name, INDArray p, INDArray g, double learningRate) {
        INDArray m = firstMoment.zerosLike(name, p);
        INDArray v = secondMoment.zerosLike(name, p);
        m.muli(config.beta1()).addi(g.mul(1 - config.beta1()));
        v.muli(config.beta2()).addi(g.mul(g).muli(1 - config.beta2()));
        INDArray denom = Transforms.sqrt(v, true).divi(Math.sqrt(c2)).addi(config.eps());
        p.subi(m.div(denom).muli(learningRate / c1));
    }

    @Override
    public StateDict state() {
        StateDict sd = new StateDict();
        sd.putLongs("steps", steps);
        firstMoment.saveTo(sd);
        secondMoment.saveTo(sd);
        return sd;
    }

    @Override
    public void loadState(StateDict state) {
        steps = state.getLongs("steps")[0];
        firstMoment.loadFrom(state);
        secondMoment.loadFrom(state);
    }
}
