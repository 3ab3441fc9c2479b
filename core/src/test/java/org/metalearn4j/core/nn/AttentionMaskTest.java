package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Key masks in multi-head attention: masked keys are as if absent, and gradients stay exact. */
class AttentionMaskTest {
    private static final MultiHeadAttention ATTENTION = new MultiHeadAttention(4, 2);

    @Test
    void maskedKeysAreIgnoredExactlyAsIfTheyWereNotThere() {
        Params p = ATTENTION.init(1, DataType.DOUBLE);
        Tensor q = Tensor.constant(GradCheck.random(2, 2, 3, 4));
        Tensor kv = Tensor.constant(GradCheck.random(3, 2, 5, 4));
        // episode 0 attends to keys 0..2, episode 1 to keys 0..4
        Tensor mask = Tensor.constant(Nd4j.createFromArray(new double[][] {{1, 1, 1, 0, 0}, {1, 1, 1, 1, 1}}));
        INDArray masked = ATTENTION.attend(p, q, kv, kv, mask, ForwardContext.eval()).value();

        Tensor q0 = q.slice(0, 0, 1);
        Tensor kv0 = kv.slice(0, 0, 1).slice(1, 0, 3);
        INDArray alone = ATTENTION.attend(p, q0, kv0, kv0, ForwardContext.eval()).value();
        INDArray full = ATTENTION.attend(p, q.slice(0, 1, 2), kv.slice(0, 1, 2), kv.slice(0, 1, 2),
                ForwardContext.eval()).value();

        assertThat(GradCheck.maxRelativeError(masked.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1)),
                alone)).isLessThan(1e-12);
        assertThat(GradCheck.maxRelativeError(masked.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 2)),
                full)).isLessThan(1e-12);
        assertThatThrownBy(() -> ATTENTION.attend(p, q, kv, kv, Tensor.constant(Nd4j.ones(DataType.DOUBLE, 2, 4)),
                ForwardContext.eval())).hasMessageContaining("key mask must be [2, 5]");
    }

    @Test
    void gradientsWithAMaskMatchFiniteDifferences() {
        Params p = ATTENTION.init(2, DataType.DOUBLE);
        List<String> names = p.names();
        List<INDArray> inputs = new ArrayList<>(p.tensors().stream().map(Tensor::value).toList());
        inputs.add(GradCheck.random(4, 2, 3, 4));
        inputs.add(GradCheck.random(5, 2, 4, 4));
        Tensor mask = Tensor.constant(Nd4j.createFromArray(new double[][] {{1, 0, 1, 0}, {0, 1, 1, 1}}));
        int n = names.size();
        Function<List<Tensor>, Tensor> f = xs -> ATTENTION.attend(Params.of(names, xs.subList(0, n)), xs.get(n),
                xs.get(n + 1), xs.get(n + 1), mask, ForwardContext.eval());
        GradCheck.firstOrder(f, inputs);
        GradCheck.secondOrder(f, inputs);
    }
}
