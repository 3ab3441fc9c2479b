package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class AutogradTest {
    @Test
    void gradientsAreReturnedNotAccumulated() {
        Tensor w = Tensor.variable(GradCheck.random(1, 3));
        Tensor loss = w.square().sum();
        Tensor g1 = Autograd.grad(loss, List.of(w), false).get(0);
        Tensor g2 = Autograd.grad(loss, List.of(w), false).get(0);
        assertThat(g1.value()).isEqualTo(w.value().mul(2));
        assertThat(g2.value()).isEqualTo(g1.value());
        assertThat(g1.requiresGrad()).isFalse();
    }

    @Test
    void manyContributionsToOneGradientAreSummedWithoutAliasing() {
        // h feeds five uses; add hands the same upstream tensor to both operands, so in-place accumulation must
        // never write into a buffer another gradient shares
        Tensor x = Tensor.variable(Nd4j.createFromArray(1.0, -2.0, 0.5));
        Tensor h = x.mul(2.0);
        Tensor y = h.add(h).add(h).add(h.mul(h));
        Tensor seed = Tensor.constant(Nd4j.createFromArray(1.0, 10.0, 100.0));
        Tensor g = Autograd.grad(List.of(y), List.of(seed), List.of(x), false, false).get(0);
        // dy/dx = 2 * (3 + 2h) elementwise, times the seed
        assertThat(g.value().toDoubleVector()).containsExactly(2 * (3 + 4.0), 10 * 2 * (3 - 8.0), 100 * 2 * (3 + 2.0));
        assertThat(seed.value().toDoubleVector()).containsExactly(1.0, 10.0, 100.0);
    }

    @Test
    void thirdDerivativeOfCube() {
        Tensor x = Tensor.variable(Nd4j.scalar(DataType.DOUBLE, 1.5));
        Tensor d1 = Autograd.grad(x.pow(3), List.of(x), true).get(0);
        Tensor d2 = Autograd.grad(d1, List.of(x), true).get(0);
        Tensor d3 = Autograd.grad(d2, List.of(x), false).get(0);
        assertThat(d1.item()).isEqualTo(3 * 1.5 * 1.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d2.item()).isEqualTo(6 * 1.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d3.item()).isEqualTo(6.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void gradientWithRespectToIntermediate() {
        Tensor x = Tensor.variable(GradCheck.random(2, 4));
        Tensor h = x.tanh();
        Tensor loss = h.mul(3.0).sum();
        List<Tensor> g = Autograd.grad(loss, List.of(h, x), false);
        assertThat(g.get(0).value()).isEqualTo(Nd4j.valueArrayOf(new long[] {4}, 3.0, DataType.DOUBLE));
        assertThat(GradCheck.maxRelativeError(g.get(1).value(),
                h.value().mul(h.value()).rsub(1.0).mul(3.0))).isLessThan(1e-12);
    }

    @Test
    void unusedInputFailsUnlessAllowed() {
        Tensor x = Tensor.variable(GradCheck.random(3, 2));
        Tensor y = Tensor.variable(GradCheck.random(4, 2));
        Tensor loss = x.sum();
        assertThatThrownBy(() -> Autograd.grad(loss, List.of(x, y), false))
                .hasMessageContaining("input 1").hasMessageContaining("not used");
        List<Tensor> g = Autograd.grad(List.of(loss), null, List.of(x, y), false, true);
        assertThat(g.get(1).value()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, 2));
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Tensor.variable(GradCheck.random(5, 2));
        try (Scope s = Autograd.noGrad()) {
            Tensor y = x.mul(2.0);
            assertThat(y.requiresGrad()).isFalse();
            assertThat(Autograd.isGradEnabled()).isFalse();
        }
        assertThat(Autograd.isGradEnabled()).isTrue();
        assertThat(x.mul(2.0).requiresGrad()).isTrue();
    }

    @Test
    void vectorJacobianProductWithGradOutputs() {
        Tensor x = Tensor.variable(GradCheck.random(6, 3));
        Tensor v = Tensor.constant(GradCheck.random(7, 3));
        Tensor g = Autograd.grad(List.of(x.mul(5.0)), List.of(v), List.of(x), false, false).get(0);
        assertThat(g.value()).isEqualTo(v.value().mul(5.0));
    }

    @Test
    void shapeMismatchNamesOpArgumentsAndShapes() {
        Tensor a = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 3, 4));
        Tensor b = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 5, 2));
        assertThatThrownBy(() -> a.matmul(b)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("matmul").hasMessageContaining("a has shape [3, 4]")
                .hasMessageContaining("b has shape [5, 2]");
        assertThatThrownBy(() -> a.add(Tensor.constant(Nd4j.zeros(DataType.FLOAT, 3))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("add").hasMessageContaining("[3, 4]")
                .hasMessageContaining("[3]");
        Tensor img = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 1, 2, 5, 5));
        Tensor w = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 4, 3, 3, 3));
        assertThatThrownBy(() -> img.conv2d(w, 1, 1)).hasMessageContaining("conv2d")
                .hasMessageContaining("input has shape [1, 2, 5, 5]").hasMessageContaining("weight has shape");
    }

    @Test
    void mixedDataTypesAreRejected() {
        Tensor a = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 2));
        Tensor b = Tensor.constant(Nd4j.zeros(DataType.DOUBLE, 2));
        assertThatThrownBy(() -> a.mul(b)).hasMessageContaining("mul").hasMessageContaining("FLOAT")
                .hasMessageContaining("DOUBLE");
    }

    @Test
    void checkNumericsReportsFirstNonFiniteOp() {
        Tensor x = Tensor.variable(Nd4j.createFromArray(1.0, -1.0));
        try (Scope s = Autograd.checkNumerics()) {
            Tensor y = x.exp();
            assertThatThrownBy(() -> y.sub(1.5).log().mul(2.0)).isInstanceOf(NonFiniteException.class)
                    .hasMessageContaining("'log'").satisfies(e -> assertThat(((NonFiniteException) e).op())
                            .isEqualTo("log"));
        }
        assertThat(x.neg().log().value().isNaN().any()).isTrue();
    }

    @Test
    void sameSeedGivesBitwiseIdenticalResults() {
        assertThat(run()).isEqualTo(run());
    }

    private static double[] run() {
        Tensor x = Tensor.variable(GradCheck.random(8, 4, 1, 6, 6).castTo(DataType.FLOAT));
        Tensor w = Tensor.variable(GradCheck.random(9, 3, 1, 3, 3).castTo(DataType.FLOAT));
        Tensor loss = Dropout.apply(x.conv2d(w, 1, 1).relu().maxPool2d(2), 0.5, 77).square().mean();
        List<Tensor> g = Autograd.grad(loss, List.of(x, w), false);
        return Nd4j.concat(0, g.get(0).value().reshape(-1), g.get(1).value().reshape(-1)).toDoubleVector();
    }
}
