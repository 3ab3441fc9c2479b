package org.metalearn4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;

/** What a run records of its backbone: enough to rebuild the same network whatever the defaults become. */
class EffectiveConfigTest {

    @Test
    void recordsEveryBackboneParameterSoALaterLearnerDefaultCannotChangeTheNetwork() {
        RunConfig trained = effective(BackboneSpec.conv4(16), "learner.params.backbone.channels=8");
        assertThat(backbone(trained).toString()).isEqualTo("{\"type\":\"conv4\",\"channels\":8,\"finalRelu\":true}");

        // the learner's default backbone later becomes signed features (as weight generation's did): a run recorded
        // with only the keys it was given would now load with finalRelu false and the same weight shapes
        PluginRegistry later = registry(BackboneSpec.conv4(16, false));
        RunConfig reloaded = EffectiveConfig.of(ConfigLoader.fromJson(ConfigLoader.toJson(trained), "config.json"),
                later, "config.json");
        assertThat(backbone(reloaded)).isEqualTo(backbone(trained));
        assertThat(backbone(EffectiveConfig.of(given("learner.params.backbone.channels=8"), later, "test")).toString())
                .isEqualTo("{\"type\":\"conv4\",\"channels\":8,\"finalRelu\":false}");
    }

    @Test
    void autoRecordsTheDefaultsOfBothNetworksItMayStandFor() {
        RunConfig run = effective(BackboneSpec.defaults(), "learner.params.backbone.hidden=[5]");
        assertThat(backbone(run).toString()).isEqualTo("{\"type\":\"auto\",\"channels\":64,\"finalRelu\":true,"
                + "\"hidden\":[5],\"activation\":\"relu\"}");
        BackboneSpec recorded = BackboneSpec.fromJson(backbone(run));
        assertThat(recorded.build(new long[] {3}, BackboneUse.FEATURES)
                .featureSize()).isEqualTo(5);
        assertThat(recorded.build(new long[] {1, 28, 28}, BackboneUse.FEATURES)
                .featureSize()).isEqualTo(64);
    }

    @Test
    void aBackboneOfAPluginNotLoadedIsRecordedAsWritten() {
        RunConfig run = effective(BackboneSpec.conv4(16), "learner.params.backbone.type=wide",
                "learner.params.backbone.width=5");
        assertThat(backbone(run).toString()).isEqualTo("{\"type\":\"wide\",\"width\":5}");
    }

    private static RunConfig effective(BackboneSpec learnerDefault, String... sets) {
        return EffectiveConfig.of(given(sets), registry(learnerDefault), "test");
    }

    private static RunConfig given(String... sets) {
        List<String> all = new ArrayList<>(List.of("dataset.name=" + BlobsDatasetProvider.NAME,
                "learner.name=" + NetProvider.NAME));
        all.addAll(List.of(sets));
        return ConfigLoader.bind(ConfigMappers.json().createObjectNode(), all, "test");
    }

    private static PluginRegistry registry(BackboneSpec learnerDefault) {
        return PluginRegistry.of("test", new BlobsDatasetProvider(), new NetProvider(learnerDefault));
    }

    private static JsonNode backbone(RunConfig run) {
        return run.learner().params().get("backbone");
    }

    /** The configuration of {@link NetProvider}: a backbone beside a parameter of the learner's own. */
    public record NetConfig(BackboneSpec backbone, int width) {
    }

    /** A learner provider that is only configured here, never built. */
    private static final class NetProvider implements LearnerProvider<NetConfig> {
        static final String NAME = "test-net";
        private final BackboneSpec defaultBackbone;

        NetProvider(BackboneSpec defaultBackbone) {
            this.defaultBackbone = defaultBackbone;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "a configuration with a backbone";
        }

        @Override
        public Class<NetConfig> configType() {
            return NetConfig.class;
        }

        @Override
        public NetConfig defaults() {
            return new NetConfig(defaultBackbone, 3);
        }

        @Override
        public Learner create(NetConfig config, LearnerContext context) {
            throw new UnsupportedOperationException("only configured in this test");
        }
    }
}
