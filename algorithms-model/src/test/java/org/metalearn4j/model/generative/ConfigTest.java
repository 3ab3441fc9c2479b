package org.metalearn4j.model.generative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.model.generative.DecoderArchitecture;
import org.metalearn4j.model.generative.metagan.ClassifierKind;
import org.metalearn4j.model.generative.metagan.GeneratorLoss;
import org.metalearn4j.model.generative.metagan.MetaGanConfig;
import org.metalearn4j.model.generative.metagan.MetaGanProvider;
import org.metalearn4j.model.generative.statistician.NeuralStatisticianProvider;
import org.metalearn4j.model.generative.statistician.StatisticianConfig;

/** The generative learners' configurations bound from YAML over their defaults, as the CLI binds them. */
class ConfigTest {

    @Test
    void bothLearnersAreFoundByNameAndNestedKeysOverrideDefaults() throws Exception {
        assertThat(ServiceLoader.load(LearnerProvider.class).stream().map(p -> p.get().name()))
                .contains("metagan", "neural-statistician");
        MetaGanConfig m = ConfigBinder.bindParams(new MetaGanProvider(), ConfigMappers.yaml().readTree("""
                classifier: protonet
                inner: {steps: 5}
                generator: {loss: non-saturating, hidden: [64], architecture: conv, channels: 32}
                """), "learner.params", "run.yaml");
        assertThat(m.classifier()).isEqualTo(ClassifierKind.PROTONET);
        assertThat(m.inner().steps()).isEqualTo(5);
        assertThat(m.inner().learningRate()).isEqualTo(0.4);
        assertThat(m.generator().loss()).isEqualTo(GeneratorLoss.NON_SATURATING);
        assertThat(m.generator().hidden()).containsExactly(64);
        assertThat(m.generator().architecture()).isEqualTo(DecoderArchitecture.CONV);
        assertThat(m.generator().channels()).isEqualTo(32);
        assertThat(new MetaGanProvider().defaults().generator().architecture()).isEqualTo(DecoderArchitecture.MLP);
        assertThat(m.backbone()).isEqualTo(BackboneSpec.conv4(64));

        StatisticianConfig s = ConfigBinder.bindParams(new NeuralStatisticianProvider(),
                ConfigMappers.yaml().readTree("{maxShots: 3, backbone: {type: conv4, channels: 16}}"),
                "learner.params", "run.yaml");
        assertThat(s.maxShots()).isEqualTo(3);
        assertThat(s.minShots()).isEqualTo(1);
        assertThat(s.backbone()).isEqualTo(BackboneSpec.conv4(16));
    }

    @Test
    void badValuesAreReportedWithTheirField() throws Exception {
        assertThatThrownBy(() -> ConfigBinder.bindParams(new MetaGanProvider(),
                ConfigMappers.yaml().readTree("classifier: matchingnet"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.classifier: expected one of [maml, protonet, relationnet], got"
                        + " \"matchingnet\" (in run.yaml)");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new MetaGanProvider(),
                ConfigMappers.yaml().readTree("generator: {hidden: []}"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("learner.params.generator.hidden: expected a list of at least one layer"
                        + " width");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new MetaGanProvider(),
                ConfigMappers.yaml().readTree("generator: {architecture: deconv}"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.generator.architecture: expected one of [mlp, conv], got \"deconv\""
                        + " (in run.yaml)");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new MetaGanProvider(),
                ConfigMappers.yaml().readTree("fakesPerClass: 0"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("learner.params.fakesPerClass: ");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new NeuralStatisticianProvider(),
                ConfigMappers.yaml().readTree("{minShots: 3, maxShots: 2}"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("learner.params.maxShots: ");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new NeuralStatisticianProvider(),
                ConfigMappers.yaml().readTree("binarizeAt: 1.5"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("learner.params.binarizeAt: expected a threshold in [0, 1)");
    }

    @Test
    void regressionTasksAreRejectedNamingTheirType() {
        LearnerContext regression = new LearnerContext(new long[] {1}, TaskType.REGRESSION, 1, 1, 1,
                Optional.empty());
        assertThatThrownBy(() -> new MetaGanProvider().create(new MetaGanProvider().defaults(), regression))
                .hasMessageContaining("metagan classifies").hasMessageContaining("REGRESSION");
        assertThatThrownBy(() -> new NeuralStatisticianProvider().create(new NeuralStatisticianProvider()
                .defaults(), regression)).hasMessageContaining("sets of examples of one class")
                .hasMessageContaining("REGRESSION");
    }
}
