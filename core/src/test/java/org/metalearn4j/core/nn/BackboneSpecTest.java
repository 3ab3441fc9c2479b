package org.metalearn4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class BackboneSpecTest {
    private static final long[] VECTOR = {6};
    private static final long[] IMAGE = {1, 28, 28};

    @Test
    void mlpOnVectorsIsLinearReluPerWidthWithoutFlatten() {
        Backbone b = BackboneSpec.mlp(5, 3).build(VECTOR, BackboneUse.FEATURES);
        assertThat(b.module().init(1).names()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(b.module().init(1).get("0.weight").value().shape()).containsExactly(5, 6);
        assertThat(b.featureSize()).isEqualTo(3);
        assertThat(features(b.module(), VECTOR).shape()).containsExactly(4, 3);
    }

    @Test
    void mlpWithoutLayersIsTheFlattenedInputAndSigmoidLayersStayInTheUnitInterval() throws Exception {
        Backbone none = BackboneSpec.mlp().build(IMAGE, BackboneUse.FEATURES);
        assertThat(none.featureSize()).isEqualTo(784);
        assertThat(none.module().parameterSpecs()).isEmpty();
        Tensor sigmoid = features(bind("{\"type\": \"mlp\", \"hidden\": [20], \"activation\": \"sigmoid\"}")
                .build(VECTOR, BackboneUse.FEATURES).module(), VECTOR);
        assertThat(sigmoid.value().minNumber().doubleValue()).isGreaterThan(0.0);
        assertThat(sigmoid.value().maxNumber().doubleValue()).isLessThan(1.0);
    }

    @Test
    void mlpFeaturesEndInReluSoTheyAreNonNegative() {
        Tensor out = features(BackboneSpec.mlp(7).build(VECTOR, BackboneUse.FEATURES).module(), VECTOR);
        assertThat(out.value().minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void mlpTakesTanhLayersAndNamesTheAllowedNonlinearities() throws Exception {
        Backbone tanh = bind("{\"type\":\"mlp\",\"hidden\":[3],\"activation\":\"tanh\"}").build(VECTOR,
                BackboneUse.FEATURES);
        Params p = tanh.module().init(3);
        Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT, 4, 6).subi(0.5));
        Tensor expected = x.affine(p.get("0.weight"), p.get("0.bias")).tanh();
        assertThat(tanh.module().forward(p, x, ForwardContext.eval()).value()).isEqualTo(expected.value());
        assertThatThrownBy(() -> bind("{\"type\":\"mlp\",\"activation\":\"sigmoidal\"}"))
                .hasMessageContaining("activation").hasMessageContaining("[relu, sigmoid, tanh]");
    }

    @Test
    void embeddingMlpEndsInItsLastLinearLayer() {
        Backbone b = BackboneSpec.mlp(5, 7).build(VECTOR, BackboneUse.EMBEDDING);
        assertThat(b.module().init(1).names()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(features(b.module(), VECTOR).value().minNumber().doubleValue()).isLessThan(0.0);
        assertThat(b.featureSize()).isEqualTo(7);
        assertThat(BackboneSpec.conv4(8).build(IMAGE, BackboneUse.EMBEDDING).module()).isInstanceOf(Conv4.class);
    }

    @Test
    void conv4KeepsItsFinalReluUnlessTold() throws Exception {
        Tensor standard = features(bind("{\"type\": \"conv4\", \"channels\": 4}").build(IMAGE,
                BackboneUse.EMBEDDING).module(), IMAGE);
        assertThat(standard.value().minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        Tensor signed = features(bind("{\"type\": \"conv4\", \"channels\": 4, \"finalRelu\": false}").build(IMAGE,
                BackboneUse.EMBEDDING).module(), IMAGE);
        assertThat(signed.value().minNumber().doubleValue()).isLessThan(0.0);
        assertThatThrownBy(() -> bind("{\"type\": \"conv4\", \"finalRelu\": \"no\"}"))
                .hasMessageContaining("finalRelu");
    }

    @Test
    void mlpOnImagesFlattensFirst() {
        Module net = BackboneSpec.mlp(8).build(IMAGE, BackboneUse.FEATURES).module();
        assertThat(net.init(1).names()).containsExactly("1.weight", "1.bias");
        assertThat(net.init(1).get("1.weight").value().shape()).containsExactly(8, 28 * 28);
        assertThat(features(net, IMAGE).shape()).containsExactly(4, 8);
    }

    @Test
    void conv4UsesChannelsAndPoolsFourTimes() {
        Backbone b = BackboneSpec.conv4(4).build(IMAGE, BackboneUse.FEATURES);
        assertThat(b.module()).isInstanceOf(Conv4.class);
        assertThat(((Conv4) b.module()).hidden()).isEqualTo(4);
        assertThat(b.featureSize()).isEqualTo(4);
        assertThat(BackboneSpec.conv4(4).build(new long[] {3, 84, 84}, BackboneUse.FEATURES).featureSize())
                .isEqualTo(4 * 5 * 5);
        assertThat(features(b.module(), IMAGE).shape()).containsExactly(4, 4);
    }

    @Test
    void autoIsConv4ForImagesAndMlpOtherwiseWithTheProvidersDefaults() {
        BackboneSpec auto = BackboneSpec.defaults();
        assertThat(auto.type()).isEqualTo("auto");
        assertThat(auto.resolvedType(IMAGE)).isEqualTo("conv4");
        assertThat(auto.resolvedType(VECTOR)).isEqualTo("mlp");
        assertThat(auto.resolvedType(new long[] {4, 4})).isEqualTo("mlp");
        assertThat(auto.build(IMAGE, BackboneUse.FEATURES).module()).isInstanceOf(Conv4.class);
        assertThat(auto.build(IMAGE, BackboneUse.FEATURES).featureSize()).isEqualTo(64);
        assertThat(auto.build(VECTOR, BackboneUse.FEATURES).featureSize()).isEqualTo(40);
        assertThat(BackboneSpec.conv4(8).resolvedType(VECTOR)).isEqualTo("conv4");
    }

    @Test
    void autoPassesEachProviderOnlyItsOwnParameters() throws Exception {
        BackboneSpec auto = bind("{\"type\": \"auto\", \"channels\": 8, \"hidden\": [5]}");
        assertThat(auto.build(IMAGE, BackboneUse.FEATURES).featureSize()).isEqualTo(8);
        assertThat(auto.build(VECTOR, BackboneUse.FEATURES).featureSize()).isEqualTo(5);
    }

    @Test
    void invalidFieldsAreNamedAsInTheYaml() {
        assertThatThrownBy(() -> new BackboneSpec(null, null)).hasMessageContaining("backbone.type")
                .hasMessageContaining("got nothing");
        assertThatThrownBy(() -> bind("{\"type\": \"mlp\", \"activation\": \"gelu\"}"))
                .hasMessageContaining("learner.params.backbone.activation: expected one of [relu, sigmoid, tanh]");
        assertThatThrownBy(() -> BackboneSpec.mlp(8, 0))
                .hasMessageContaining("backbone.hidden: expected widths >= 1, got [8, 0]");
        assertThatThrownBy(() -> BackboneSpec.conv4(0))
                .hasMessageContaining("backbone.channels: expected an integer >= 1, got 0");
        assertThatThrownBy(() -> bind("{\"type\": \"conv4\", \"hidden\": [3]}"))
                .hasMessageContaining("learner.params.backbone.hidden: unknown key for backbone type 'conv4';"
                        + " allowed keys here: [channels, finalRelu] and type");
    }

    @Test
    void anUnknownTypeIsReportedWhenBuiltWithTheBackbonesThatExist() {
        BackboneSpec resnet = new BackboneSpec("resnet", null);
        assertThatThrownBy(() -> resnet.build(PluginRegistry.classpath(), IMAGE, BackboneUse.FEATURES))
                .isInstanceOf(ConfigException.class)
                .hasMessage("backbone.type: no backbone named 'resnet'; available: conv4, mlp, resnet12");
    }

    @Test
    void conv4OnNonImagesOrSmallImagesNamesTheInputShape() {
        assertThatThrownBy(() -> BackboneSpec.conv4(4).build(VECTOR, BackboneUse.FEATURES))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("backbone.type: conv4 needs images [channels, height, width] of at least 16x16")
                .hasMessageContaining("got input shape [6]");
        assertThatThrownBy(() -> BackboneSpec.conv4(4).build(new long[] {1, 15, 28}, BackboneUse.FEATURES))
                .hasMessageContaining("got input shape [1, 15, 28]");
        assertThatThrownBy(() -> BackboneSpec.defaults().build(new long[] {3, 8, 8}, BackboneUse.FEATURES))
                .hasMessageContaining("got input shape [3, 8, 8]");
    }

    @Test
    void bindsFlatFromYamlAndWritesTheSameForm() throws Exception {
        assertThat(bind("{\"type\": \"mlp\", \"hidden\": [16, 8]}")).isEqualTo(BackboneSpec.mlp(16, 8));
        assertThat(ConfigBinder.toTree(BackboneSpec.conv4(32)).toString())
                .isEqualTo("{\"type\":\"conv4\",\"channels\":32}");
        assertThat(ConfigBinder.toTree(new Holder(BackboneSpec.defaults())).toString())
                .isEqualTo("{\"backbone\":{\"type\":\"auto\"}}");
        assertThat(bind("{\"channels\": 16}")).isEqualTo(new BackboneSpec("auto",
                (com.fasterxml.jackson.databind.node.ObjectNode) ConfigMappers.json().readTree("{\"channels\":16}")));
    }

    /** A provider configuration with a backbone, as the learners and stages have. */
    record Holder(BackboneSpec backbone) {
    }

    private static BackboneSpec bind(String json) throws Exception {
        JsonNode tree = ConfigMappers.json().readTree("{\"backbone\": " + json + "}");
        return ConfigBinder.bind(tree, new Holder(BackboneSpec.defaults()), Holder.class, "learner.params", null)
                .backbone();
    }

    private static Tensor features(Module net, long[] shape) {
        long[] batch = new long[shape.length + 1];
        batch[0] = 4;
        System.arraycopy(shape, 0, batch, 1, shape.length);
        Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT, batch));
        return net.forward(net.init(3), x, ForwardContext.eval());
    }
}
