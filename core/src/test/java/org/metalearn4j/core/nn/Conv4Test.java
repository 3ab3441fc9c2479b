package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.tensor.ShapeException;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;

/** Conv4 pools before its ReLU for speed; it must be the textbook conv, batch norm, ReLU, pool in every derivative. */
class Conv4Test {
    /** Conv4 as the papers write it, with Conv4's parameter names. */
    private static Module textbookConv4(int in, int hidden) {
        return textbookConv4(in, hidden, true);
    }

    private static Module textbookConv4(int in, int hidden, boolean finalRelu) {
        LinkedHashMap<String, Module> blocks = new LinkedHashMap<>();
        for (int b = 0; b < 4; b++) {
            LinkedHashMap<String, Module> block = new LinkedHashMap<>();
            block.put("conv", new Conv2d(b == 0 ? in : hidden, hidden, 3, 1));
            block.put("bn", new BatchNorm2d(hidden));
            if (b < 3 || finalRelu) {
                block.put("relu", Activation.relu());
            }
            block.put("pool", new MaxPool2d(2));
            blocks.put(Integer.toString(b), Sequential.named(block));
        }
        blocks.put("flatten", new Flatten());
        return Sequential.named(blocks);
    }

    private static Tensor loss(Module backbone, Params p, Tensor x) {
        Tensor features = backbone.forward(p, x, ForwardContext.training(1));
        return features.tanh().square().sum(false, 0, 1);
    }

    private static Tensor squaredNorm(Params grads) {
        Tensor total = null;
        for (Tensor g : grads.tensors()) {
            Tensor s = g.square().sum();
            total = total == null ? s : total.add(s);
        }
        return total;
    }

    @Test
    void poolBeforeReluGivesTheSameValueFirstAndSecondDerivatives() {
        Conv4 conv4 = new Conv4(1, 4);
        Module textbook = textbookConv4(1, 4);
        assertThat(textbook.parameterSpecs()).isEqualTo(conv4.parameterSpecs());
        Params p = conv4.init(3).map(t -> Tensor.variable(t.value().castTo(DataType.DOUBLE)));
        Tensor x = Tensor.constant(GradCheck.random(4, 5, 1, 16, 16));

        Tensor fast = loss(conv4, p, x);
        Tensor reference = loss(textbook, p, x);
        assertThat(fast.item()).isCloseTo(reference.item(), offset(1e-12));

        Params gFast = p.grad(fast, true);
        Params gRef = p.grad(reference, true);
        for (String name : p.names()) {
            assertThat(GradCheck.maxRelativeError(gFast.get(name).value(), gRef.get(name).value())).as(name)
                    .isLessThan(1e-10);
        }
        Params hFast = p.grad(squaredNorm(gFast), false);
        Params hRef = p.grad(squaredNorm(gRef), false);
        for (String name : List.of("0.conv.weight", "1.bn.weight", "2.bn.bias", "3.conv.weight")) {
            assertThat(hFast.get(name).value().amaxNumber().doubleValue()).as(name).isGreaterThan(0);
            assertThat(GradCheck.maxRelativeError(hFast.get(name).value(), hRef.get(name).value())).as(name)
                    .isLessThan(1e-10);
        }
    }

    @Test
    void channelsLastInsideGivesTheNchwFeatureOrderForLargerAndMultiChannelInputs() {
        // 3 channels take the permuted path in; 37x35 leaves 2x2 positions per channel to flatten in NCHW order
        Conv4 conv4 = new Conv4(3, 4);
        Module textbook = textbookConv4(3, 4);
        Params p = conv4.init(5).map(t -> Tensor.variable(t.value().castTo(DataType.DOUBLE)));
        Tensor x = Tensor.constant(GradCheck.random(6, 3, 3, 37, 35));
        Tensor fast = conv4.forward(p, x, ForwardContext.training(1));
        Tensor reference = textbook.forward(p, x, ForwardContext.training(1));
        assertThat(fast.shape()).containsExactly(3, conv4.featureSize(37, 35));
        assertThat(GradCheck.maxRelativeError(fast.value(), reference.value())).isLessThan(1e-12);
        Params gFast = p.grad(fast.tanh().sum(), false);
        Params gRef = p.grad(reference.tanh().sum(), false);
        for (String name : p.names()) {
            assertThat(GradCheck.maxRelativeError(gFast.get(name).value(), gRef.get(name).value())).as(name)
                    .isLessThan(1e-10);
        }
    }

    @Test
    void withoutTheFinalReluTheLastBlockIsConvBatchNormPoolAndTheFeaturesAreSigned() {
        Conv4 conv4 = new Conv4(1, 4, false);
        Module textbook = textbookConv4(1, 4, false);
        assertThat(conv4.parameterSpecs()).isEqualTo(new Conv4(1, 4).parameterSpecs());
        Params p = conv4.init(7).map(t -> Tensor.variable(t.value().castTo(DataType.DOUBLE)));
        Tensor x = Tensor.constant(GradCheck.random(8, 6, 1, 16, 16));
        Tensor signed = conv4.forward(p, x, ForwardContext.training(1));
        assertThat(GradCheck.maxRelativeError(signed.value(),
                textbook.forward(p, x, ForwardContext.training(1)).value())).isLessThan(1e-12);
        assertThat(signed.value().minNumber().doubleValue()).isLessThan(0.0);
        assertThat(new Conv4(1, 4).forward(p, x, ForwardContext.training(1)).value().minNumber().doubleValue())
                .isGreaterThanOrEqualTo(0.0);
        Params gFast = p.grad(loss(conv4, p, x), false);
        Params gRef = p.grad(loss(textbook, p, x), false);
        for (String name : p.names()) {
            assertThat(GradCheck.maxRelativeError(gFast.get(name).value(), gRef.get(name).value())).as(name)
                    .isLessThan(1e-10);
        }
    }

    @Test
    void tooSmallOrWrongChannelInputIsNamed() {
        Conv4 conv4 = new Conv4(1, 4);
        Params p = conv4.init(1);
        assertThatThrownBy(() -> conv4.forward(p, Tensor.constant(GradCheck.random(1, 2, 1, 12, 20)),
                ForwardContext.training(1))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("H, W >= 16").hasMessageContaining("[2, 1, 12, 20]");
        assertThatThrownBy(() -> conv4.forward(p, Tensor.constant(GradCheck.random(1, 2, 3, 28, 28)),
                ForwardContext.training(1))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("[N, 1, H, W]").hasMessageContaining("[2, 3, 28, 28]");
    }
}
