package org.metalearn4j.transfer.multitask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class UncertaintyWeightingTest {

    @Test
    void gradientWithRespectToLossesAndLogVariancesMatchesFiniteDifferences() {
        GradCheck.firstOrder(xs -> UncertaintyWeighting.combine(
                        List.of(xs.get(0).square().sum(), xs.get(1).square().sum()),
                        List.of(xs.get(2).sum(), xs.get(3).sum())),
                List.of(GradCheck.random(1, 3), GradCheck.random(2, 2), GradCheck.random(3, 1),
                        GradCheck.random(4, 1)));
    }

    @Test
    void gradientInSIsOneMinusWeightedLoss() {
        Tensor s = Tensor.variable(Nd4j.scalar(0.5));
        Tensor loss = UncertaintyWeighting.combine(List.of(Tensor.constant(Nd4j.scalar(2.0))), List.of(s));
        double g = Params.of(List.of("s"), List.of(s)).grad(loss, false).get("s").item();
        assertThat(g).isCloseTo(1 - Math.exp(-0.5) * 2.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theNoisierTaskGetsTheLargerLogVariance() {
        // Two regression tasks on the same inputs, with target noise 0.1 and 1.0, sharing a linear trunk.
        Random rnd = new Random(9);
        int n = 256;
        INDArray x = GradCheck.random(11, n, 4);
        INDArray w = GradCheck.random(12, 4, 1);
        INDArray clean = x.mmul(w);
        INDArray y1 = clean.dup();
        INDArray y2 = clean.dup();
        for (int i = 0; i < n; i++) {
            y1.putScalar(i, 0, y1.getDouble(i, 0) + 0.1 * rnd.nextGaussian());
            y2.putScalar(i, 0, y2.getDouble(i, 0) + 1.0 * rnd.nextGaussian());
        }
        Params p = Params.of(List.of("trunk", "head1", "head2", "s1", "s2"), List.of(
                Tensor.variable(GradCheck.random(13, 4, 4).muli(0.5)), Tensor.variable(GradCheck.random(14, 4, 1)),
                Tensor.variable(GradCheck.random(15, 4, 1)), Tensor.variable(Nd4j.scalar(0.0)),
                Tensor.variable(Nd4j.scalar(0.0))));
        Adam adam = new Adam(AdamConfig.of(0.1));
        for (int step = 0; step < 200; step++) {
            Tensor h = Tensor.constant(x).matmul(p.get("trunk"));
            Tensor l1 = Losses.mse(h.matmul(p.get("head1")), Tensor.constant(y1));
            Tensor l2 = Losses.mse(h.matmul(p.get("head2")), Tensor.constant(y2));
            Tensor loss = UncertaintyWeighting.combine(List.of(l1, l2), List.of(p.get("s1"), p.get("s2")));
            adam.step(p, p.grad(loss, false));
        }
        double s1 = p.get("s1").item();
        double s2 = p.get("s2").item();
        // At the optimum s_i = log(MSE_i): about log(0.01) and log(1.0).
        assertThat(s2 - s1).isGreaterThan(3.0);
        assertThat(s2).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.4));
    }
}
