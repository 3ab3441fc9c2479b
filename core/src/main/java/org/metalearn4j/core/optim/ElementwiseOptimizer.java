package org.metalearn4j.core.optim;

import org.metalearn4j.core.nn.Params;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What SGD, RMSprop and Adam share: each parameter with a gradient is updated on its own, at its group's learning rate
 * times the schedule's factor, with the group's L2 weight decay added to its gradient; a parameter without a gradient
 * or in a group of rate 0 (frozen) is left alone.
 */
abstract class ElementwiseOptimizer implements Optimizer {
    private final GroupSettings settings;
    private double learningRateFactor = 1.0;

    ElementwiseOptimizer(GroupSettings settings) {
        this.settings = settings;
    }

    @Override
    public final void step(Params params, Params grads) {
        beginStep();
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
            update(name, p, g, group.learningRate() * learningRateFactor);
        }
    }

    /** Called once per step before any parameter is updated (Adam counts its steps here). */
    void beginStep() {
    }

    /**
     * Updates parameter {@code p} in place from its gradient {@code g} (weight decay included; read-only: it may be
     * the caller's gradient) at {@code learningRate}.
     */
    abstract void update(String name, INDArray p, INDArray g, double learningRate);

    @Override
    public final void setLearningRateFactor(double factor) {
        learningRateFactor = LrSchedule.checkedFactor(factor);
    }
}
