package org.metalearn4j.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.metric.Distance;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.metric.providers.MatchingNetConfig;
import org.metalearn4j.metric.providers.MatchingNetProvider;
import org.metalearn4j.metric.providers.ProtoNetConfig;
import org.metalearn4j.metric.providers.ProtoNetProvider;

/** Provider configurations bound from YAML over their defaults as the CLI binds them. */
class ConfigTest {

    @Test
    void nestedKeysOverrideDefaults() throws Exception {
        JsonNode yaml = ConfigMappers.yaml().readTree("""
                distance: cosine
                backbone: {channels: 32}
                optimizer: {schedule: {type: cosine, every: 500}}
                """);
        ProtoNetConfig c = ConfigBinder.bindParams(new ProtoNetProvider(), yaml, "learner.params", "run.yaml");
        assertThat(c.distance()).isEqualTo(Distance.COSINE);
        assertThat(c.backbone()).isEqualTo(BackboneSpec.conv4(32));
        assertThat(c.optimizer().learningRate()).isEqualTo(1e-3);
        assertThat(c.optimizer().schedule().type()).isEqualTo(LrSchedule.Kind.COSINE);
        assertThat(c.optimizer().schedule().every()).isEqualTo(500);

        MatchingNetConfig m = ConfigBinder.bindParams(new MatchingNetProvider(),
                ConfigMappers.yaml().readTree("fullContextEmbedding: true"), "learner.params", "run.yaml");
        assertThat(m.fullContextEmbedding()).isTrue();
    }

    @Test
    void badValuesAreReportedWithTheirField() throws Exception {
        assertThatThrownBy(() -> ConfigBinder.bindParams(new ProtoNetProvider(),
                ConfigMappers.yaml().readTree("distance: manhattan"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.distance: expected one of [euclidean, cosine], got \"manhattan\""
                        + " (in run.yaml)");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new ProtoNetProvider(),
                ConfigMappers.yaml().readTree("optimizer: {schedule: {gamma: 2}}"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("learner.params.optimizer.schedule.gamma: expected a number in (0, 1], got 2");
        ProtoNetConfig resnet = ConfigBinder.bindParams(new ProtoNetProvider(),
                ConfigMappers.yaml().readTree("backbone: {type: resnet}"), "learner.params", "run.yaml");
        assertThatThrownBy(() -> new ProtoNetProvider().create(resnet, context(new long[] {1, 28, 28},
                TaskType.CLASSIFICATION))).isInstanceOf(ConfigException.class)
                .hasMessage("backbone.type: no backbone named 'resnet'; available: conv4, mlp, resnet12");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new ProtoNetProvider(),
                ConfigMappers.yaml().readTree("backbone: {type: conv4, channel: 8}"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("learner.params.backbone.channel: unknown key for backbone type 'conv4'");
    }

    @Test
    void conv4OnVectorsAndRegressionTasksAreRejectedClearly() {
        ProtoNetProvider p = new ProtoNetProvider();
        assertThatThrownBy(() -> p.create(p.defaults(), context(new long[] {8}, TaskType.CLASSIFICATION)))
                .hasMessageContaining("conv4 needs images").hasMessageContaining("[8]");
        assertThatThrownBy(() -> p.create(p.defaults(), context(new long[] {1, 28, 28}, TaskType.REGRESSION)))
                .hasMessageContaining("REGRESSION");
    }

    private static LearnerContext context(long[] shape, TaskType type) {
        return new LearnerContext(shape, type, 5, 5, 1, Optional.empty());
    }
}
