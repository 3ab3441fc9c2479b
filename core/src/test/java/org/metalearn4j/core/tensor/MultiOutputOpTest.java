package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** An op with several outputs ({@link Op#recordAll}): gradients of every output, to second order, run once. */
class MultiOutputOpTest {
    private final AtomicInteger backwardRuns = new AtomicInteger();

    /** (x * y, tanh x): two outputs of two inputs, with an array backward and the same formula in Tensor ops. */
    private Tensor[] productAndTanh(Tensor x, Tensor y) {
        Tensor[] in = {x, y};
        return Op.recordAll("productAndTanh", new INDArray[] {x.value().mul(y.value()),
                Transforms.tanh(x.value(), true)},
                Op.formulaBackwardAll(v -> List.of(v[0].mul(v[1]), v[0].tanh()), in),
                (outs, grads, needs) -> {
                    backwardRuns.incrementAndGet();
                    INDArray dx = grads[0].mul(y.value()).addi(grads[1].mul(tanhDerivative(x.value())));
                    return new INDArray[] {needs[0] ? dx : null, needs[1] ? grads[0].mul(x.value()) : null};
                }, in);
    }

    private static INDArray tanhDerivative(INDArray x) {
        INDArray t = Transforms.tanh(x, true);
        return t.muli(t).rsubi(1.0);
    }

    @Test
    void bothOutputsUsedInAnyOrderMatchFiniteDifferencesToSecondOrder() {
        // the graph's order is out0, square, out1, ...: walking back, out1 comes before the square that feeds out0,
        // so a backward run at the first output reached would miss part of out0's gradient
        Function<List<Tensor>, Tensor> f = xs -> {
            Tensor[] out = productAndTanh(xs.get(0), xs.get(1));
            return out[0].square().mul(out[1]).add(out[1].mul(3.0)).tanh();
        };
        List<INDArray> inputs = List.of(GradCheck.random(1, 2, 3), GradCheck.random(2, 2, 3));
        GradCheck.firstOrder(f, inputs);
        GradCheck.secondOrder(f, inputs);
    }

    @Test
    void anUnusedOutputContributesNothing() {
        Function<List<Tensor>, Tensor> onlyFirst = xs -> productAndTanh(xs.get(0), xs.get(1))[0].exp();
        Function<List<Tensor>, Tensor> onlySecond = xs -> productAndTanh(xs.get(0), xs.get(1))[1].exp();
        List<INDArray> inputs = List.of(GradCheck.random(3, 4), GradCheck.random(4, 4));
        GradCheck.firstOrder(onlyFirst, inputs);
        GradCheck.secondOrder(onlyFirst, inputs);
        GradCheck.firstOrder(onlySecond, inputs);
        GradCheck.secondOrder(onlySecond, inputs);
        Tensor x = Tensor.variable(inputs.get(0));
        Tensor y = Tensor.variable(inputs.get(1));
        Tensor[] out = productAndTanh(x, y);
        List<Tensor> g = Autograd.grad(List.of(out[1].sum()), null, List.of(x, y), false, true);
        assertThat(GradCheck.maxRelativeError(g.get(0).value(), tanhDerivative(x.value()))).isLessThan(1e-14);
        assertThat(g.get(1).value().amaxNumber().doubleValue()).isZero();
    }

    @Test
    void theJointBackwardRunsOncePerPassAndOutputsCanBeDifferentiatedDirectly() {
        Tensor x = Tensor.variable(GradCheck.random(5, 3));
        Tensor y = Tensor.variable(GradCheck.random(6, 3));
        Tensor[] out = productAndTanh(x, y);
        Tensor loss = out[0].add(out[1]).sum().add(out[0].square().sum()).add(out[1].mul(out[0]).sum());
        backwardRuns.set(0);
        List<Tensor> g = Autograd.grad(loss, List.of(out[0], x), false);
        assertThat(backwardRuns.get()).isEqualTo(1);
        // d loss / d out0 = 1 + 2 out0 + out1
        INDArray expected = out[0].value().mul(2).addi(out[1].value()).addi(1.0);
        assertThat(GradCheck.maxRelativeError(g.get(0).value(), expected)).isLessThan(1e-14);
        // d loss / dx = (1 + 2 out0 + out1) y + (1 + out0) (1 - tanh(x)^2)
        INDArray dx = expected.mul(y.value()).addi(out[0].value().add(1.0).muli(tanhDerivative(x.value())));
        assertThat(GradCheck.maxRelativeError(g.get(1).value(), dx)).isLessThan(1e-13);
    }

    @Test
    void outsideGradModeNothingIsRecorded() {
        Tensor x = Tensor.variable(GradCheck.random(7, 2));
        try (Scope ignored = Autograd.noGrad()) {
            Tensor[] out = productAndTanh(x, Tensor.constant(GradCheck.random(8, 2)));
            assertThat(out).allSatisfy(t -> assertThat(t.requiresGrad()).isFalse());
            assertThat(out[0].value()).isEqualTo(x.value().mul(GradCheck.random(8, 2)));
        }
    }

    @Test
    void checkedNumericsNameTheOutputThatIsNotFinite() {
        // tanh stays finite, the product does not: the message says which of the op's outputs failed
        Tensor x = Tensor.variable(GradCheck.random(9, 2));
        Tensor y = Tensor.constant(GradCheck.random(10, 2).putScalar(1, Double.NaN));
        try (Scope ignored = Autograd.checkNumerics()) {
            assertThatThrownBy(() -> productAndTanh(x, y)).isInstanceOf(NonFiniteException.class)
                    .hasMessageContaining("'productAndTanh (output 0)'");
        }
    }
}
