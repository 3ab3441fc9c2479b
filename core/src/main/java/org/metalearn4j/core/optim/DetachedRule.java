package org.metalearn4j.core.optim;

import java.util.Objects;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/** {@link UpdateRule#detached}: the wrapped rule's steps, parameters as fresh leaves and state as constants. */
final class DetachedRule implements UpdateRule {
    private final UpdateRule rule;

    DetachedRule(UpdateRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public Params initialState(Params params) {
        return rule.initialState(params);
    }

    @Override
    public Step step(Params params, Params grads, Tensor loss, Params state) {
        Step next = rule.step(params, grads, loss, state);
        return new Step(next.params().map(t -> t.requiresGrad() ? t.detachVariable() : t),
                next.state().map(Tensor::detach));
    }
}
