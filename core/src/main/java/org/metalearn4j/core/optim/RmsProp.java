package org.metalearn4j.core.optim;

import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** RMSprop (Tieleman and Hinton) with per-group learning rates and L2 weight decay, as PyTorch's without momentum. */
public final class RmsProp extends ElementwiseOptimizer {
    private final RmsPropConfig config;
    private final NamedBuffers squareAverage = new NamedBuffers("square_avg.");

    public RmsProp(RmsPropConfig config) {
        super(new GroupSettings(config.learningRate(), config.weightDecay(), config.groups()));
        this.config = config;
    }

    @Override
    void update(String name, INDArray p, INDArray g, double learningRate) {
        INDArray v = squareAverage.zerosLike(name, p);
        v.muli(config.alpha()).addi(g.mul(g).muli(1 - config.alpha()));
        INDArray denom = Transforms.sqrt(v, true).addi(config.eps());
        p.subi(g.div(denom).muli(learningRate));
    }

    @Override
    public StateDict state() {
        StateDict sd = new StateDict();
        squareAverage.saveTo(sd);
        return sd;
    }

    @Override
    public void loadState(StateDict state) {
        squareAverage.loadFrom(state);
    }
}
