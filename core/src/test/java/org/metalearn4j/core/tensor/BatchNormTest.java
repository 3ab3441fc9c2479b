package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.metalearn4j.core.testing.GradCheck.positive;
import static org.metalearn4j.core.testing.GradCheck.random;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch norm's fused native paths (training forward, first-order backward, inference) against the same formula
 * written in primitive ops, in float64. The gradient checks in {@link OpGradientTest} cover the derivatives; these
 * tests pin the values, which a finite-difference check alone would not catch.
 */
class BatchNormTest {
    private static final double EPS = 1e-5;

    @Test
    void trainingOutputAndStatisticsMatchTheFormula() {
        Tensor x = Tensor.constant(random(1, 4, 3, 5, 5).muli(2).addi(0.7));
        Tensor gamma = Tensor.constant(random(2, 3));
        Tensor beta = Tensor.constant(random(3, 3));
        BatchNorm.Result r = BatchNorm.train(x, gamma, beta, EPS);
        Tensor centered = x.sub(x.mean(true, 0, 2, 3));
        Tensor variance = centered.square().mean(true, 0, 2, 3);
        Tensor expected = centered.mul(variance.add(EPS).pow(-0.5).mul(gamma.reshape(1, 3, 1, 1)))
                .add(beta.reshape(1, 3, 1, 1));
        assertClose(r.output().value(), expected.value());
        assertClose(r.mean(), x.mean(false, 0, 2, 3).value());
        assertClose(r.variance(), variance.reshape(3).value());
    }

    @Test
    void firstOrderBackwardEqualsTheRecordedBackward() {
        // the last two shapes span several RowBlocks, with a shorter last block: the backward's temporaries are
        // formed block by block
        long rank4Rows = RowBlocks.BLOCK_ELEMENTS / 75 * 2 + 7;
        long rank2Rows = RowBlocks.BLOCK_ELEMENTS / 3 + 11;
        for (long[] shape : new long[][] {{4, 3, 5, 5}, {6, 3}, {rank4Rows, 3, 5, 5}, {rank2Rows, 3}}) {
            Tensor x = Tensor.variable(random(4, shape));
            Tensor gamma = Tensor.variable(random(5, 3));
            Tensor beta = Tensor.variable(random(6, 3));
            Tensor weights = Tensor.constant(random(7, shape));
            Tensor loss = BatchNorm.train(x, gamma, beta, EPS).output().mul(weights).sum();
            List<Tensor> direct = Autograd.grad(loss, List.of(x, gamma, beta), false);
            List<Tensor> recorded = Autograd.grad(loss, List.of(x, gamma, beta), true);
            for (int i = 0; i < 3; i++) {
                assertClose(direct.get(i).value(), recorded.get(i).value());
            }
        }
    }

    @Test
    void inferenceWithoutGradientsEqualsTheDifferentiablePath() {
        INDArray mean = random(8, 3);
        INDArray variance = positive(9, 0.5, 2.0, 3);
        Tensor gamma = Tensor.variable(random(10, 3));
        Tensor beta = Tensor.variable(random(11, 3));
        Tensor x = Tensor.constant(random(12, 2, 3, 4, 4));
        Tensor differentiable = BatchNorm.eval(x, gamma, beta, mean, variance, EPS);
        assertThat(differentiable.requiresGrad()).isTrue();
        Tensor fused;
        try (Scope ignored = Autograd.noGrad()) {
            fused = BatchNorm.eval(x, gamma, beta, mean, variance, EPS);
        }
        assertThat(fused.requiresGrad()).isFalse();
        assertClose(fused.value(), differentiable.value());
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double[] a = actual.dup().data().asDouble();
        double[] e = expected.dup().data().asDouble();
        // AssertJ only for a failing element: a million assertion objects would take most of the test's time
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(a[i] - e[i]) <= 1e-10 * Math.max(1, Math.abs(e[i])))) {
                assertThat(a[i]).as("element %d", i).isCloseTo(e[i], within(1e-10 * Math.max(1, Math.abs(e[i]))));
            }
        }
    }
}
