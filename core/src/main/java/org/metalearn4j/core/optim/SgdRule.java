package org.metalearn4j.core.optim;

import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/** {@link UpdateRule#sgd}: every parameter with a gradient moves by {@code -lr * grad}. */
final class SgdRule implements UpdateRule {
    private final double lr;

    SgdRule(double lr) {
        this.lr = Checks.positive("lr", lr);
    }

    @Override
    public Step step(Params params, Params grads, Tensor loss, Params state) {
        return new Step(params.zip(grads, (p, g) -> p.sub(g.mul(lr))), state);
    }
}
