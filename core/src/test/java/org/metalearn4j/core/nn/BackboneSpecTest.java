package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class BackboneSpecTest {
    private static final long[] VECTOR = {6};
    private static final long[] IMAGE = {1, 28, 28};

    @Test
    void mlpOnVectorsIsLinearReluPerWidthWithoutFlatten() {
        BackboneSpec spec = BackboneSpec.mlp(5, 3);
        Module net = spec.build(VECTOR);
        assertThat(net.init(1).names()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(net.init(1).get("0.weight").value().shape()).containsExactly(5, 6);
        assertThat(spec.featureSize(VECTOR)).isEqualTo(3);
        assertThat(features(net, VECTOR).shape()).containsExactly(4, 3);
    }

    @Test
    void mlpEndsInReluSoFeaturesAreNonNegative() {
        Tensor out = features(BackboneSpec.mlp(7).build(VECTOR), VECTOR);
        assertThat(out.value().minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void embeddingMlpEndsInItsLastLinearLayer() {
        BackboneSpec spec = BackboneSpec.mlp(5, 7);
        Module net = spec.buildEmbedding(VECTOR);
        assertThat(net.init(1).names()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(features(net, VECTOR).value().minNumber().doubleValue()).isLessThan(0.0);
        assertThat(spec.featureSize(VECTOR)).isEqualTo(7);
        assertThat(BackboneSpec.conv4(8).buildEmbedding(IMAGE)).isInstanceOf(Conv4.class);
    }

    @Test
    void mlpOnImagesFlattensFirst() {
        BackboneSpec spec = BackboneSpec.mlp(8);
        Module net = spec.build(IMAGE);
        assertThat(net.init(1).names()).containsExactly("1.weight", "1.bias");
        assertThat(net.init(1).get("1.weight").value().shape()).containsExactly(8, 28 * 28);
        assertThat(features(net, IMAGE).shape()).containsExactly(4, 8);
    }

    @Test
    void conv4UsesChannelsAndPoolsFourTimes() {
        BackboneSpec spec = BackboneSpec.conv4(4);
        Module net = spec.build(IMAGE);
        assertThat(net).isInstanceOf(Conv4.class);
        assertThat(((Conv4) net).hidden()).isEqualTo(4);
        assertThat(spec.featureSize(IMAGE)).isEqualTo(4);
        assertThat(spec.featureSize(new long[] {3, 84, 84})).isEqualTo(4 * 5 * 5);
        assertThat(features(net, IMAGE).shape()).containsExactly(4, 4);
    }

    @Test
    void autoIsConv4ForImagesAndMlpOtherwise() {
        BackboneSpec auto = BackboneSpec.defaults();
        assertThat(auto).isEqualTo(new BackboneSpec("auto", List.of(40, 40), 64));
        assertThat(auto.resolvedType(IMAGE)).isEqualTo("conv4");
        assertThat(auto.resolvedType(VECTOR)).isEqualTo("mlp");
        assertThat(auto.resolvedType(new long[] {4, 4})).isEqualTo("mlp");
        assertThat(auto.build(IMAGE)).isInstanceOf(Conv4.class);
        assertThat(auto.featureSize(IMAGE)).isEqualTo(64);
        assertThat(auto.featureSize(VECTOR)).isEqualTo(40);
        assertThat(BackboneSpec.conv4(8).resolvedType(VECTOR)).isEqualTo("conv4");
    }

    @Test
    void invalidFieldsAreNamedAsInTheYaml() {
        assertThatThrownBy(() -> new BackboneSpec("resnet", List.of(4), 4))
                .hasMessage("backbone.type: expected one of auto, conv4, mlp, got 'resnet'");
        assertThatThrownBy(() -> new BackboneSpec(null, List.of(4), 4)).hasMessageContaining("got nothing");
        assertThatThrownBy(() -> new BackboneSpec("mlp", List.of(), 4))
                .hasMessageStartingWith("backbone.hidden: expected a list of at least one layer width, got []");
        assertThatThrownBy(() -> new BackboneSpec("mlp", Arrays.asList(4, null), 4))
                .hasMessageStartingWith("backbone.hidden: expected widths >= 1, got [4, null]");
        assertThatThrownBy(() -> BackboneSpec.mlp(8, 0))
                .hasMessage("backbone.hidden: expected widths >= 1, got [8, 0]");
        assertThatThrownBy(() -> BackboneSpec.conv4(0))
                .hasMessage("backbone.channels: expected an integer >= 1, got 0");
    }

    @Test
    void conv4OnNonImagesOrSmallImagesNamesTheInputShape() {
        assertThatThrownBy(() -> BackboneSpec.conv4(4).build(VECTOR))
                .hasMessageStartingWith("backbone.type: conv4 needs images [channels, height, width] of at least 16x16")
                .hasMessageContaining("got input shape [6]");
        assertThatThrownBy(() -> BackboneSpec.conv4(4).featureSize(new long[] {1, 15, 28}))
                .hasMessageContaining("got input shape [1, 15, 28]");
        assertThatThrownBy(() -> BackboneSpec.defaults().build(new long[] {3, 8, 8}))
                .hasMessageContaining("got input shape [3, 8, 8]");
    }

    @Test
    void bindsFromYamlOverDefaultsAndErrorsCarryTheFullPath() throws Exception {
        JsonNode tree = ConfigMappers.json().readTree("{\"type\": \"mlp\", \"hidden\": [16, 8]}");
        assertThat(ConfigBinder.bind(tree, BackboneSpec.defaults(), BackboneSpec.class, "learner.params.backbone",
                null)).isEqualTo(BackboneSpec.mlp(16, 8));
        assertThat(ConfigBinder.toTree(BackboneSpec.defaults()).toString())
                .isEqualTo("{\"type\":\"auto\",\"hidden\":[40,40],\"channels\":64}");
        JsonNode bad = ConfigMappers.json().readTree("{\"backbone\": {\"type\": \"resnet\"}}");
        assertThatThrownBy(() -> ConfigBinder.bind(bad, new Holder(BackboneSpec.defaults()), Holder.class,
                "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.backbone.type: expected one of auto, conv4, mlp, got 'resnet'"
                        + " (in run.yaml)");
    }

    /** A provider configuration with a backbone, as the learners and stages have. */
    record Holder(BackboneSpec backbone) {
    }

    private static Tensor features(Module net, long[] shape) {
        long[] batch = new long[shape.length + 1];
        batch[0] = 4;
        System.arraycopy(shape, 0, batch, 1, shape.length);
        Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT, batch));
        return net.forward(net.init(3), x, ForwardContext.eval());
    }
}
