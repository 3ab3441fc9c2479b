package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** First and second derivatives of the composite modules with respect to their parameters and input. */
class ModuleGradientTest {
    /** f(params..., input) for a module, all float64. */
    private static void check(Module m, INDArray input, Function<Tensor, Tensor> head) {
        Params p = m.init(5, DataType.DOUBLE);
        List<String> names = p.names();
        List<INDArray> values = new ArrayList<>(p.tensors().stream().map(Tensor::value).toList());
        values.add(input);
        Function<List<Tensor>, Tensor> f = xs -> head.apply(m.forward(Params.of(names, xs.subList(0, names.size())),
                xs.get(names.size()), ForwardContext.training(1)));
        GradCheck.firstOrder(f, values);
        GradCheck.secondOrder(f, values);
    }

    @Test
    void lstmCell() {
        LstmCell cell = new LstmCell(1, 2);
        check(cell, GradCheck.random(1, 2, 1), h -> h);
        Params p = cell.init(1, DataType.DOUBLE);
        LstmCell.State s = cell.zeroState(2, DataType.DOUBLE);
        LstmCell.State s2 = cell.step(p, Tensor.constant(GradCheck.random(2, 2, 1)), s);
        assertThat(s2.hidden().shape()).containsExactly(2, 2);
        assertThat(s2.cell().shape()).containsExactly(2, 2);
    }

    /** Two fused steps from a non-zero state, every input and weight a variable, against the unfused formula. */
    @Test
    void lstmCellStepsFromAnyStateToSecondOrder() {
        LstmCell cell = new LstmCell(3, 2);
        List<String> names = cell.init(1, DataType.DOUBLE).names();
        List<INDArray> inputs = new ArrayList<>(List.of(GradCheck.random(1, 4, 3), GradCheck.random(2, 4, 2),
                GradCheck.random(3, 4, 2)));
        cell.parameterSpecs().forEach(s -> inputs.add(GradCheck.random(10 + inputs.size(), s.shape()).mul(0.5)));
        Function<List<Tensor>, Tensor> twoSteps = xs -> {
            Params p = Params.of(names, xs.subList(3, xs.size()));
            LstmCell.State one = cell.step(p, xs.get(0), new LstmCell.State(xs.get(1), xs.get(2)));
            LstmCell.State two = cell.step(p, xs.get(0).mul(-0.5), one);
            return Tensor.concat(1, List.of(two.hidden(), two.cell()));
        };
        GradCheck.firstOrder(twoSteps, inputs);
        GradCheck.secondOrder(twoSteps, inputs);
        // the last step's cell state unused: its gradient is zero, the hidden state's alone flows back
        Function<List<Tensor>, Tensor> hiddenOnly = xs -> {
            Params p = Params.of(names, xs.subList(3, xs.size()));
            LstmCell.State one = cell.step(p, xs.get(0), new LstmCell.State(xs.get(1), xs.get(2)));
            return cell.step(p, xs.get(0).mul(-0.5), one).hidden();
        };
        GradCheck.firstOrder(hiddenOnly, inputs);
        GradCheck.secondOrder(hiddenOnly, inputs);
        Params p = cell.init(4, DataType.DOUBLE);
        LstmCell.State s = cell.step(p, Tensor.constant(inputs.get(0)), new LstmCell.State(
                Tensor.constant(inputs.get(1)), Tensor.constant(inputs.get(2))));
        Tensor gates = Tensor.constant(inputs.get(0)).matmul(p.get("weight_ih"), false, true).add(p.get("bias_ih"))
                .add(Tensor.constant(inputs.get(1)).matmul(p.get("weight_hh"), false, true)).add(p.get("bias_hh"));
        Tensor c = gates.slice(1, 2, 4).sigmoid().mul(Tensor.constant(inputs.get(2)))
                .add(gates.slice(1, 0, 2).sigmoid().mul(gates.slice(1, 4, 6).tanh()));
        assertThat(GradCheck.maxRelativeError(s.cell().value(), c.value())).isLessThan(1e-14);
        assertThat(GradCheck.maxRelativeError(s.hidden().value(), gates.slice(1, 6, 8).sigmoid().mul(c.tanh())
                .value())).isLessThan(1e-14);
    }

    @Test
    void multiHeadAttention() {
        check(new MultiHeadAttention(2, 2), GradCheck.random(3, 2, 2, 2), y -> y);
    }

    @Test
    void linearOnSequences() {
        check(new Linear(3, 2), GradCheck.random(4, 2, 2, 3), y -> y.tanh());
    }
}
