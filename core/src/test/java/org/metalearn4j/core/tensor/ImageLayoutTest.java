package org.metalearn4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metalearn4j.core.testing.GradCheck.random;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * In float32 the engine runs oneDNN's kernels (the float64 gradient checks run libnd4j's generic ones), so the NHWC
 * convolution, pooling and patch-matrix weight gradient are pinned here to the NCHW results they must reproduce.
 */
class ImageLayoutTest {
    private static final double TOL = 2e-5;

    private static INDArray f32(long seed, long... shape) {
        return random(seed, shape).castTo(DataType.FLOAT);
    }

    private static INDArray toNhwc(INDArray nchw) {
        return nchw.permute(0, 2, 3, 1).dup('c');
    }

    /** Loss, and gradients for (input, weight, bias), of conv + bias, max-pool, tanh^2 in the given layout. */
    private static List<INDArray> convPool(INDArray x, INDArray w, INDArray b, int stride, ImageLayout layout,
            boolean inputGrad) {
        Tensor xt = inputGrad ? Tensor.variable(x) : Tensor.constant(x);
        Tensor wt = Tensor.variable(w);
        Tensor bt = Tensor.variable(b);
        Tensor loss = xt.conv2d(wt, bt, stride, 1, layout).maxPool2d(2, layout).tanh().square().sum();
        List<Tensor> wanted = inputGrad ? List.of(xt, wt, bt) : List.of(wt, bt);
        List<Tensor> grads = Autograd.grad(loss, wanted, false);
        List<INDArray> out = new ArrayList<>();
        out.add(loss.value());
        grads.forEach(g -> out.add(g.value()));
        return out;
    }

    private static void assertSameResults(INDArray x, int stride, long channels, boolean inputGrad) {
        INDArray w = f32(2, 5, channels, 3, 3);
        INDArray b = f32(3, 5);
        List<INDArray> nchw = convPool(x, w, b, stride, ImageLayout.NCHW, inputGrad);
        List<INDArray> nhwc = convPool(toNhwc(x), w, b, stride, ImageLayout.NHWC, inputGrad);
        assertThat(GradCheck.maxRelativeError(nhwc.get(0), nchw.get(0))).as("loss").isLessThan(TOL);
        int first = 1;
        if (inputGrad) {
            assertThat(GradCheck.maxRelativeError(nhwc.get(1), toNhwc(nchw.get(1)))).as("input grad").isLessThan(TOL);
            first = 2;
        }
        assertThat(GradCheck.maxRelativeError(nhwc.get(first), nchw.get(first))).as("weight grad").isLessThan(TOL);
        assertThat(GradCheck.maxRelativeError(nhwc.get(first + 1), nchw.get(first + 1))).as("bias grad")
                .isLessThan(TOL);
    }

    @Test
    void nhwcConvolutionAndPoolingReproduceNchwInFloat32() {
        assertSameResults(f32(1, 6, 4, 12, 10), 1, 4, true);
    }

    @Test
    void patchMatrixWeightGradientMatchesTheConvolutionBackward() {
        // constant input: the weight gradient alone, from a patch matrix when channels x 3 x 3 <= 32
        assertSameResults(f32(4, 7, 1, 28, 28), 1, 1, false);
        assertSameResults(f32(5, 3, 3, 11, 9), 2, 3, false);
    }

    @Test
    void channelMismatchNamesTheLayoutAndAxis() {
        Tensor x = Tensor.constant(f32(6, 2, 5, 5, 3));
        Tensor w = Tensor.variable(f32(7, 4, 2, 3, 3));
        assertThatThrownBy(() -> x.conv2d(w, null, 1, 1, ImageLayout.NHWC))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("axis 3 in NHWC").hasMessageContaining("[2, 5, 5, 3]");
    }
}
