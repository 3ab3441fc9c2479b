package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ReLU backward takes a different kernel for small and large tensors; both must pass the gradient exactly where
 * the input is strictly positive and nothing elsewhere, exact zeros included (PyTorch's subgradient), to every order.
 */
class ReluTest {

    @ParameterizedTest
    @ValueSource(ints = {7, 5000})
    void gradientIsTheUpstreamGradientWhereTheInputIsPositive(int n) {
        INDArray x = GradCheck.random(1, n);
        for (int i = 0; i < n; i += 3) {
            x.putScalar(i, 0.0);
        }
        INDArray upstream = GradCheck.random(2, n);
        Tensor input = Tensor.variable(x);
        Tensor weights = Tensor.variable(upstream);
        Tensor g = Autograd.grad(input.relu().mul(weights).sum(), List.of(input), true).get(0);
        double[] xs = x.data().asDouble();
        double[] us = upstream.data().asDouble();
        double[] gs = g.value().data().asDouble();
        for (int i = 0; i < n; i++) {
            assertThat(gs[i]).as("element %d (x = %s)", i, xs[i]).isEqualTo(xs[i] > 0 ? us[i] : 0.0);
        }
        // the backward of the backward is the same mask: d/dweights <g, v> = v where x > 0
        INDArray v = GradCheck.random(3, n);
        Tensor gg = Autograd.grad(g.mul(Tensor.constant(v)).sum(), List.of(weights), false).get(0);
        double[] vs = v.data().asDouble();
        double[] ggs = gg.value().data().asDouble();
        for (int i = 0; i < n; i++) {
            assertThat(ggs[i]).as("second order, element %d", i).isEqualTo(xs[i] > 0 ? vs[i] : 0.0);
        }
    }
}
