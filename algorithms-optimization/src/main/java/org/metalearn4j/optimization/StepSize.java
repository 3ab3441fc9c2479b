package org.metalearn4j.optimization;

import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * The inner loop's step {@code grad -> lr * grad}: a constant (MAML, ANIL, Reptile) or learned per entry (Meta-SGD).
 */
@FunctionalInterface
interface StepSize {

    /** The amount to subtract from parameter {@code name} given its gradient. */
    Tensor scale(String name, Tensor grad);

    static StepSize constant(double lr) {
        return (name, grad) -> grad.mul(lr);
    }

    /** Elementwise {@code alpha[name] * grad}; differentiable in alpha, which is how Meta-SGD learns it. */
    static StepSize perParameter(Params alpha) {
        return (name, grad) -> grad.mul(alpha.get(name));
    }
}
