package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.tensor.ImageLayout;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.core.testing.GradCheck;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** ResNet-12 at a tiny size: the textbook block order in value, and its first and second derivatives in float64. */
class ResNet12Test {
    private static final int[] TINY = {2, 3, 2, 2};

    private static ResNet12 tiny() {
        return new ResNet12(1, TINY, 0.1);
    }

    private static Params doubles(Module m, long seed) {
        return m.init(seed).map(t -> Tensor.variable(t.value().castTo(DataType.DOUBLE)));
    }

    /** One block as the papers order it (activation before pooling), with ResidualBlock's parameter names. */
    private static Tensor textbookBlock(Params p, Tensor x, int in, int out, ForwardContext ctx) {
        Tensor h = x;
        for (int i = 1; i <= 3; i++) {
            h = new Conv2d(i == 1 ? in : out, out, 3, 1, 1, false, ImageLayout.NHWC).forward(p.scope("conv" + i), h,
                    ctx);
            h = new BatchNorm2d(out, ImageLayout.NHWC).forward(p.scope("bn" + i), h, ctx);
            if (i < 3) {
                h = h.leakyRelu(0.1);
            }
        }
        Tensor s = new Conv2d(in, out, 1, 1, 0, false, ImageLayout.NHWC).forward(p.scope("shortcut.conv"), x, ctx);
        s = new BatchNorm2d(out, ImageLayout.NHWC).forward(p.scope("shortcut.bn"), s, ctx);
        return h.add(s).leakyRelu(0.1).maxPool2d(2, ImageLayout.NHWC);
    }

    @Test
    void poolingBeforeTheActivationGivesTheTextbookBlock() {
        ResidualBlock block = new ResidualBlock(2, 3, 0.1);
        Params p = doubles(block, 4);
        Tensor x = Tensor.constant(GradCheck.random(2, 3, 6, 6, 2));
        Tensor fast = block.forward(p, x, ForwardContext.training(1));
        Tensor reference = textbookBlock(p, x, 2, 3, ForwardContext.training(1));
        assertThat(fast.shape()).containsExactly(3, 3, 3, 3);
        assertThat(GradCheck.maxRelativeError(fast.value(), reference.value())).isLessThan(1e-12);
        Params gFast = p.grad(fast.tanh().sum(), false);
        Params gRef = p.grad(reference.tanh().sum(), false);
        for (String name : p.names()) {
            assertThat(GradCheck.maxRelativeError(gFast.get(name).value(), gRef.get(name).value())).as(name)
                    .isLessThan(1e-10);
        }
    }

    /**
     * The network as a function of a few weights of every kind (a convolution, the shortcut's convolution and batch
     * norm, batch-norm scales and shifts, in every block), the others held fixed: finite differences over all of
     * a tiny ResNet-12's weights take minutes, and each op is checked on its own elsewhere.
     */
    private static Function<List<Tensor>, Tensor> ofWeights(ResNet12 net, Params p, List<String> varied, Tensor x) {
        return xs -> {
            LinkedHashMap<String, Tensor> all = new LinkedHashMap<>();
            for (String n : p.names()) {
                int i = varied.indexOf(n);
                all.put(n, i >= 0 ? xs.get(i) : Tensor.constant(p.get(n).value()));
            }
            return net.forward(Params.of(all), x, ForwardContext.training(1)).tanh();
        };
    }

    private static final List<String> VARIED = List.of("0.conv1.weight", "0.bn1.bias", "1.shortcut.conv.weight",
            "1.shortcut.bn.weight", "2.bn2.weight", "3.bn3.bias");

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferences() {
        // MAML differentiates through inner gradients, so the Hessian-vector products are checked as well
        ResNet12 net = tiny();
        Params p = doubles(net, 3);
        List<INDArray> values = VARIED.stream().map(n -> p.get(n).value()).toList();
        Function<List<Tensor>, Tensor> f = ofWeights(net, p, VARIED, Tensor.constant(GradCheck.random(5, 3, 1, 16,
                16)));
        GradCheck.firstOrder(f, values);
        GradCheck.secondOrder(f, values);
    }

    @Test
    void channelsLastInsideGivesTheNchwFeatureOrder() {
        ResNet12 net = new ResNet12(3, TINY, 0.1);
        Params p = doubles(net, 8);
        Tensor x = Tensor.constant(GradCheck.random(9, 2, 3, 37, 35));
        Tensor features = net.forward(p, x, ForwardContext.training(1));
        assertThat(features.shape()).containsExactly(2, net.featureSize(37, 35));
        assertThat(net.featureSize(37, 35)).isEqualTo(2 * 2 * 2);
        Tensor nhwc = x.permute(0, 2, 3, 1);
        LinkedHashMap<String, Module> blocks = new LinkedHashMap<>();
        for (int b = 0; b < 4; b++) {
            blocks.put(Integer.toString(b), new ResidualBlock(b == 0 ? 3 : TINY[b - 1], TINY[b], 0.1));
        }
        Tensor last = Sequential.named(blocks).forward(p, nhwc, ForwardContext.training(1));
        assertThat(features.value()).isEqualTo(last.permute(0, 3, 1, 2).reshape(2, 8).value());
    }

    @Test
    void theProviderBuildsItFromAConfigAndNamesBadFields() {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.putArray("channels").add(4).add(6).add(8).add(10);
        Backbone b = new BackboneSpec("resnet12", params).build(new long[] {1, 28, 28}, BackboneUse.FEATURES);
        assertThat(b.featureSize()).isEqualTo(10);
        assertThat(b.module().parameterSpecs()).extracting(ParameterSpec::name)
                .contains("0.conv1.weight", "3.shortcut.bn.bias");
        ObjectNode three = JsonNodeFactory.instance.objectNode();
        three.putArray("channels").add(4).add(6).add(8);
        assertThatThrownBy(() -> new BackboneSpec("resnet12", three))
                .hasMessageContaining("backbone.channels: expected four block widths >= 1, got [4, 6, 8]");
        assertThatThrownBy(() -> new BackboneSpec("resnet12", null).build(new long[] {1, 12, 28},
                BackboneUse.FEATURES)).hasMessageContaining("resnet12 needs images")
                .hasMessageContaining("[1, 12, 28]");
    }
}
