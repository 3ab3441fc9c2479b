package org.metalearn4j.transfer.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;

class L2SpTest {
    private final INDArray theta0W = GradCheck.random(1, 3, 4);
    private final INDArray theta0B = GradCheck.random(2, 4);
    private final Params reference = Params.of(List.of("w", "b"),
            List.of(Tensor.constant(theta0W), Tensor.constant(theta0B)));

    @Test
    void gradientMatchesFiniteDifferencesInFloat64() {
        GradCheck.firstOrder(xs -> L2Sp.penalty(Params.of(List.of("w", "b", "head"), xs), reference, 0.3, n -> true),
                List.of(GradCheck.random(3, 3, 4), GradCheck.random(4, 4), GradCheck.random(5, 2)));
    }

    @Test
    void valueIsLambdaTimesSquaredDistanceOverIncludedReferencedParameters() {
        INDArray w = theta0W.add(0.5);
        Params current = Params.of(List.of("w", "b", "head"),
                List.of(Tensor.variable(w), Tensor.variable(theta0B.add(1.0)),
                        Tensor.variable(GradCheck.random(6, 2))));
        double penalty = L2Sp.penalty(current, reference, 2.0, n -> !n.equals("b")).item();
        // Only w counts: b is excluded, head has no reference. 12 entries each 0.5 away: 2 * 12 * 0.25.
        assertThat(penalty).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void largeLambdaKeepsFineTunedWeightsAtThePretrainedPoint() {
        // Least squares toward a target far from theta0; gradient descent with and without L2-SP.
        INDArray target = theta0W.add(3.0);
        double free = distanceAfterTraining(target, 0.0);
        double anchored = distanceAfterTraining(target, 100.0);
        assertThat(free).isGreaterThan(5.0);
        assertThat(anchored).isLessThan(0.02 * free);
    }

    private double distanceAfterTraining(INDArray target, double lambda) {
        Params p = Params.of(List.of("w"), List.of(Tensor.variable(theta0W.dup())));
        Params ref = Params.of(List.of("w"), List.of(Tensor.constant(theta0W)));
        for (int step = 0; step < 200; step++) {
            Tensor fit = p.get("w").sub(Tensor.constant(target)).square().sum();
            Tensor loss = fit.add(L2Sp.penalty(p, ref, lambda, n -> true));
            p = UpdateRule.sgd(1.0 / (2 + 2 * lambda) * 0.5).step(p, p.grad(loss, false), loss, Params.empty())
                    .params().copyAsVariables();
        }
        return p.get("w").value().sub(theta0W).norm2Number().doubleValue();
    }
}
