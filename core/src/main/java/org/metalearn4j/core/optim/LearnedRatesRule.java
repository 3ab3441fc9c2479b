package org.metalearn4j.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/** {@link UpdateRule#learnedRates}: every parameter with a gradient moves by {@code -rates[name] * grad}. */
final class LearnedRatesRule implements UpdateRule {
    private final Params rates;

    LearnedRatesRule(Params rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    @Override
    public Step step(Params params, Params grads, Tensor loss, Params state) {
        List<String> names = params.names();
        List<Tensor> next = new ArrayList<>(names.size());
        for (String n : names) {
            Tensor p = params.get(n);
            next.add(grads.contains(n) ? p.sub(grads.get(n).mul(rates.get(n))) : p);
        }
        return new Step(Params.of(names, next), state);
    }
}
