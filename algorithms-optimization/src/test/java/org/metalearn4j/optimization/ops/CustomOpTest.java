package org.metalearn4j.optimization.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Op;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A differentiable op defined outside core through the public {@link Op} API, as a plugin would: softsign
 * {@code x / (1 + |x|)} times a per-column scale, with a fast array backward for first order and a differentiable
 * backward for higher orders. Both derivatives are checked against float64 finite differences.
 */
class CustomOpTest {
    private static final AtomicInteger FAST_CALLS = new AtomicInteger();
    private static final AtomicInteger RECORDED_CALLS = new AtomicInteger();

    /** {@code s * x / (1 + |x|)} for x {@code [n, d]} and s {@code [d]}. */
    static Tensor scaledSoftsign(Tensor x, Tensor s) {
        INDArray denom = Transforms.abs(x.value(), true).addi(1.0);
        INDArray y = x.value().div(denom).muliRowVector(s.value());
        return Op.record("scaledSoftsign", y, (out, g, needs) -> {
            RECORDED_CALLS.incrementAndGet();
            Tensor d = x.abs().add(1.0);
            return new Tensor[] {
                needs[0] ? g.mul(s).div(d.square()) : null,
                needs[1] ? g.mul(x.div(d)).sum(false, 0) : null};
        }, (out, g, needs) -> {
            FAST_CALLS.incrementAndGet();
            return new INDArray[] {
                needs[0] ? g.mulRowVector(s.value()).divi(denom).divi(denom) : null,
                needs[1] ? g.mul(x.value()).divi(denom).sum(0) : null};
        }, x, s);
    }

    @Test
    void firstDerivativesMatchFiniteDifferences() {
        GradCheck.firstOrder(in -> scaledSoftsign(in.get(0), in.get(1)).tanh(),
                List.of(GradCheck.awayFromZero(1, 0.1, 2.0, 4, 3), GradCheck.random(2, 3)));
    }

    @Test
    void secondDerivativesMatchFiniteDifferences() {
        GradCheck.secondOrder(in -> scaledSoftsign(in.get(0), in.get(1)).tanh(),
                List.of(GradCheck.awayFromZero(3, 0.1, 2.0, 4, 3), GradCheck.random(4, 3)));
    }

    @Test
    void fastBackwardServesFirstOrderAndRecordedBackwardServesHigherOrders() {
        Tensor x = Tensor.variable(GradCheck.awayFromZero(5, 0.1, 2.0, 2, 3));
        Tensor s = Tensor.variable(GradCheck.random(6, 3));
        FAST_CALLS.set(0);
        RECORDED_CALLS.set(0);
        Autograd.grad(scaledSoftsign(x, s).sum(), List.of(x, s), false);
        assertThat(FAST_CALLS.get()).isEqualTo(1);
        assertThat(RECORDED_CALLS.get()).isZero();

        List<Tensor> g = Autograd.grad(scaledSoftsign(x, s).sum(), List.of(x, s), true);
        assertThat(RECORDED_CALLS.get()).isEqualTo(1);
        assertThat(g.get(0).requiresGrad()).isTrue();
        INDArray fast = Autograd.grad(scaledSoftsign(x, s).sum(), List.of(x), false).get(0).value();
        assertThat(fast.equalsWithEps(g.get(0).value(), 1e-12)).isTrue();
    }
}
