package org.metalearn4j.model.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The convolutional decoder of generated images: shapes, nearest-neighbour upsampling, exact derivatives. */
class UpsamplingDecoderTest {
    private static final long[] IMAGE = {1, 8, 4};

    @Test
    void decodesVectorsIntoImagesOfTheExampleShapeUnderAnyLeadingAxes() {
        UpsamplingDecoder decoder = new UpsamplingDecoder(3, IMAGE, 4);
        Params p = decoder.init(1, DataType.DOUBLE);
        INDArray x = GradCheck.random(2, 2, 5, 3);
        Tensor out = decoder.forward(p, Tensor.constant(x), ForwardContext.eval());
        assertThat(out.shape()).containsExactly(2, 5, 32);
        Tensor flat = decoder.forward(p, Tensor.constant(x.reshape(10, 3)), ForwardContext.eval());
        assertThat(out.value().reshape(10, 32)).isEqualTo(flat.value());
        assertThat(decoder.parameterSpecs()).extracting(s -> s.name()).containsExactly("project.weight",
                "project.bias", "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias");
    }

    @Test
    void eachPixelOfTheQuarterResolutionMapFillsAFourByFourBlock() {
        // the projection ignores the input and holds (1, 2) at quarter pixel (0, 0) and (3, 4) at (0, 1); both
        // convolutions pass channel 0 through (centre tap 1, no bias), so the image is channel 0 upsampled twice
        UpsamplingDecoder decoder = new UpsamplingDecoder(2, new long[] {1, 4, 8}, 2);
        Params p = decoder.init(3, DataType.DOUBLE);
        List<Tensor> values = new ArrayList<>();
        for (String name : p.names()) {
            INDArray v = p.get(name).value().dup().assign(0);
            if (name.equals("project.bias")) {
                v = Nd4j.createFromArray(1.0, 2.0, 3.0, 4.0);
            } else if (name.startsWith("conv") && name.endsWith("weight")) {
                v.putScalar(new long[] {0, 0, 1, 1}, 1.0);
            }
            values.add(Tensor.constant(v));
        }
        Tensor out = decoder.forward(Params.of(p.names(), values), Tensor.constant(GradCheck.random(4, 1, 2)),
                ForwardContext.eval());
        INDArray image = out.value().reshape(4, 8);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 8; c++) {
                assertThat(image.getDouble(r, c)).as("pixel (%d, %d)", r, c).isEqualTo(c < 4 ? 1.0 : 3.0);
            }
        }
    }

    @Test
    void derivativesInTheInputsAndEveryParameterMatchFiniteDifferencesToSecondOrder() {
        UpsamplingDecoder decoder = new UpsamplingDecoder(2, new long[] {2, 4, 4}, 2);
        Params p = decoder.init(5, DataType.DOUBLE);
        List<INDArray> inputs = new ArrayList<>();
        inputs.add(GradCheck.random(6, 3, 2));
        p.names().forEach(n -> inputs.add(p.get(n).value().dup()));
        List<INDArray> weights = List.of(GradCheck.random(7, 3, 32));
        GradCheck.secondOrder(xs -> {
            Params q = Params.of(p.names(), xs.subList(1, xs.size()));
            // tanh keeps the objective curved, so second derivatives are not all zero
            return decoder.forward(q, xs.get(0), ForwardContext.eval()).tanh()
                    .mul(Tensor.constant(weights.get(0))).sum();
        }, inputs);
    }

    @Test
    void imagesWhoseSidesAreNotMultiplesOfFourAreRefusedWithTheShape() {
        assertThatThrownBy(() -> new UpsamplingDecoder(4, new long[] {1, 28, 30}, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 28, 30]").hasMessageContaining("multiples of 4")
                .hasMessageContaining("'conv'");
        assertThatThrownBy(() -> new UpsamplingDecoder(4, new long[] {10}, 8))
                .hasMessageContaining("[10]");
    }
}
