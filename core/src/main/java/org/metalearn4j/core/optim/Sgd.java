package org.metalearn4j.core.optim;

import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;

/** SGD with optional momentum, Nesterov momentum and weight decay, per-group learning rates. */
public final class Sgd extends ElementwiseOptimizer {
    private final SgdConfig config;
    private final NamedBuffers momentum = new NamedBuffers("momentum.");

    public Sgd(SgdConfig config) {
        super(new GroupSettings(config.learningRate(), config.weightDecay(), config.groups()));
        this.config = config;
    }

    @Override
    void update(String name, INDArray p, INDArray g, double learningRate) {
        INDArray d = g;
        if (config.momentum() != 0) {
            INDArray b = momentum.get(name);
            if (b == null) {
                b = momentum.startWith(name, g);
            } else {
                b.muli(config.momentum()).addi(g);
            }
            d = config.nesterov() ? g.add(b.mul(config.momentum())) : b;
        }
        p.subi(d.mul(learningRate));
    }

    @Override
    public StateDict state() {
        StateDict sd = new StateDict();
        momentum.saveTo(sd);
        return sd;
    }

    @Override
    public void loadState(StateDict state) {
        momentum.loadFrom(state);
    }
}
