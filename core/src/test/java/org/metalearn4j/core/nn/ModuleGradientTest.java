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

    @Test
    void multiHeadAttention() {
        check(new MultiHeadAttention(2, 2), GradCheck.random(3, 2, 2, 2), y -> y);
    }

    @Test
    void linearOnSequences() {
        check(new Linear(3, 2), GradCheck.random(4, 2, 2, 3), y -> y.tanh());
    }
}
