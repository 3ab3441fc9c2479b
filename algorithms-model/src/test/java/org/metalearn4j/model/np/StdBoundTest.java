package org.metalearn4j.model.np;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The decoder's standard deviation never goes below minStd, and a non-positive one is reported, not propagated. */
class StdBoundTest {
    private static final NeuralProcess MODEL = new NeuralProcess(new CnpProvider().defaults(), 1, 1);

    @Test
    void hugeNegativeRawOutputsStayAtTheBound() {
        Params p = withDecoderBias(-1e4f);
        Tensor x = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 1, 3, 1));
        Tensor r = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 1, 3, 128));
        Gaussian g = MODEL.decode(p, x, r, null, ForwardContext.eval());
        assertThat(g.std().value().minNumber().doubleValue()).isCloseTo(0.01, org.assertj.core.api.Assertions.within(
                1e-7));
    }

    @Test
    void aNanStandardDeviationIsAClearError() {
        Params p = withDecoderBias(Float.NaN);
        Tensor x = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 1, 3, 1));
        Tensor r = Tensor.constant(Nd4j.zeros(DataType.FLOAT, 1, 3, 128));
        assertThatThrownBy(() -> MODEL.decode(p, x, r, null, ForwardContext.eval()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decoder's standard deviation is NaN (minStd 0.01)");
    }

    /** The initial parameters with the std half of the decoder's last bias set to {@code value}. */
    private static Params withDecoderBias(float value) {
        Params init = MODEL.init(1, DataType.FLOAT);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (String n : init.names()) {
            m.put(n, init.get(n));
        }
        String last = init.names().stream().filter(n -> n.startsWith("decoder.") && n.endsWith(".bias"))
                .reduce((a, b) -> b).orElseThrow();
        m.put(last, Tensor.variable(Nd4j.createFromArray(0f, value)));
        return Params.of(m);
    }
}
