package org.metalearn4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;

class UpdateRuleTest {

    @Test
    void sgdMovesParametersWithGradientsAndKeepsTheRest() {
        Params p = Params.of(List.of("w", "frozen"), List.of(Tensor.variable(GradCheck.random(1, 2, 3)),
                Tensor.variable(GradCheck.random(2, 3))));
        Params g = Params.of(List.of("w"), List.of(Tensor.constant(GradCheck.random(3, 2, 3))));
        UpdateRule.Step step = UpdateRule.sgd(0.25).step(p, g, null, Params.empty());
        INDArray expected = p.get("w").value().sub(g.get("w").value().mul(0.25));
        assertThat(step.params().get("w").value()).isEqualTo(expected);
        assertThat(step.params().get("frozen")).isSameAs(p.get("frozen"));
        assertThat(step.state().size()).isZero();
    }

    @Test
    void aDetachedRuleTakesTheSameStepsWithoutAGraphBetweenThem() {
        Params p = Params.of(List.of("w"), List.of(Tensor.variable(GradCheck.random(1, 3)).mul(2.0)));
        Params g = Params.of(List.of("w"), List.of(Tensor.constant(GradCheck.random(2, 3))));
        UpdateRule.Step plain = UpdateRule.sgd(0.5).step(p, g, null, Params.empty());
        UpdateRule.Step detached = UpdateRule.detached(UpdateRule.sgd(0.5)).step(p, g, null, Params.empty());
        assertThat(detached.params().get("w").value()).isEqualTo(plain.params().get("w").value());
        assertThat(plain.params().get("w").isLeaf()).isFalse();
        assertThat(detached.params().get("w").isLeaf()).isTrue();
        assertThat(detached.params().get("w").requiresGrad()).isTrue();
    }

    /** The meta-gradient through a learned-rate step, with respect to the start and the rates, to second order. */
    @Test
    void learnedRatesAreDifferentiableToSecondOrder() {
        List<INDArray> inputs = List.of(GradCheck.random(4, 3), GradCheck.random(5, 3), GradCheck.random(6, 3));
        GradCheck.firstOrder(in -> learnedStepLoss(in), inputs);
        GradCheck.secondOrder(in -> learnedStepLoss(in), inputs);
    }

    /** One inner step on {@code L(w) = sum(tanh(w) * target)} with rates alpha, then the same loss again. */
    private static Tensor learnedStepLoss(List<Tensor> in) {
        Tensor w = in.get(0);
        Tensor target = in.get(2);
        Params p = Params.of(List.of("w"), List.of(w));
        Tensor loss = w.tanh().mul(target).sum();
        Params grads = p.grad(loss, true);
        Params rates = Params.of(List.of("w"), List.of(in.get(1)));
        Params fast = UpdateRule.learnedRates(rates).step(p, grads, loss, Params.empty()).params();
        return fast.get("w").tanh().mul(target).sum();
    }
}
