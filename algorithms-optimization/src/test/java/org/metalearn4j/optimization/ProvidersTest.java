package org.metalearn4j.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Discovery, defaults, configuration errors and the conv4 classification path. */
class ProvidersTest {

    @Test
    void allFiveLearnersAreDiscoverable() {
        List<String> names = ServiceLoader.load(LearnerProvider.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("maml", "fomaml", "anil", "metasgd", "reptile");
    }

    @Test
    void paramsBindOverTheDefaultsAndUnknownKeysAreRefused() throws Exception {
        var params = ConfigMappers.json().readTree("{\"innerLr\":0.4,\"backbone\":{\"type\":\"conv4\"}}");
        MamlConfig bound = ConfigBinder.bindParams(new FomamlProvider(), params, "learner.params", "test.yaml");
        assertThat(bound).isEqualTo(new MamlConfig(MamlConfig.Order.FIRST, 1, 0.4, 1, new BackboneSpec("conv4", null),
                MetaOptimizerConfig.defaults(), 0, 1));
        var typo = ConfigMappers.json().readTree("{\"innerLR\":0.4}");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new ReptileProvider(), typo, "learner.params", "test.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("learner.params.innerLR")
                .hasMessageContaining("innerLr");
    }

    @Test
    void enumSettingsAreWrittenInLowerCaseAndErrorsListTheAllowedNames() throws Exception {
        var yaml = ConfigMappers.yaml().readTree("order: first\nmetaOptimizer: {type: sgd}\n");
        MamlConfig bound = ConfigBinder.bindParams(new MamlProvider(), yaml, "learner.params", "run.yaml");
        assertThat(bound.order()).isEqualTo(MamlConfig.Order.FIRST);
        assertThat(bound.metaOptimizer().type()).isEqualTo(MetaOptimizerConfig.Kind.SGD);
        assertThat(ConfigBinder.toTree(bound).get("order").asText()).isEqualTo("first");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new MamlProvider(),
                ConfigMappers.yaml().readTree("order: third"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.order: expected one of [first, second], got \"third\" (in run.yaml)");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new MamlProvider(),
                ConfigMappers.yaml().readTree("metaOptimizer: {type: RMSprop}"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.metaOptimizer.type: expected one of [adam, sgd], got \"RMSprop\""
                        + " (in run.yaml)");
        assertThatThrownBy(() -> ConfigBinder.bindParams(new MamlProvider(),
                ConfigMappers.yaml().readTree("order: null"), "learner.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("learner.params.order: expected one of [first, second], got nothing (in run.yaml)");
    }

    @Test
    void badSettingsNameTheField() {
        assertThatThrownBy(() -> new MamlProvider().create(new MamlConfig(MamlConfig.Order.SECOND, 1, 0.1, 1,
                new BackboneSpec("resnet", null), MetaOptimizerConfig.defaults(), 0, 1), SinusoidTasks.context(1)))
                .hasMessageStartingWith("backbone.type: no backbone named 'resnet'");
        assertThatThrownBy(() -> new ReptileConfig(1, 0.1, 1.5, true, 1, BackboneSpec.defaults(), 1))
                .hasMessageStartingWith("epsilon:");
        assertThatThrownBy(() -> new ReptileConfig(1, 0.1, 0.5, false, 1, BackboneSpec.defaults(), 2))
                .hasMessageStartingWith("taskThreads: serial Reptile").hasMessageContaining("got 2");
        assertThatThrownBy(() -> new MamlConfig(MamlConfig.Order.SECOND, 1, 0.1, 1, BackboneSpec.defaults(),
                MetaOptimizerConfig.defaults(), 0, 0)).hasMessageStartingWith("taskThreads");
        LearnerContext vectors = SinusoidTasks.context(1);
        assertThatThrownBy(() -> new FomamlProvider().create(new MamlProvider().defaults(), vectors))
                .hasMessageStartingWith("order: fomaml is first-order");
        MamlConfig conv = new MamlConfig(MamlConfig.Order.SECOND, 1, 0.1, 1, BackboneSpec.conv4(4),
                MetaOptimizerConfig.defaults(), 0, 1);
        assertThatThrownBy(() -> new MamlProvider().create(conv, vectors))
                .hasMessageContaining("conv4 needs images").hasMessageContaining("[1]");
    }

    @Test
    void conv4ClassifiesWithTheRightShapeAndAdaptsToOtherWays() throws Exception {
        LearnerContext images = new LearnerContext(new long[] {1, 16, 16}, TaskType.CLASSIFICATION, 3, 3, 1,
                Optional.empty());
        BackboneSpec auto = BackboneSpec.fromJson(ConfigMappers.json().readTree("{\"channels\":4}"));
        MamlConfig config = new MamlConfig(MamlConfig.Order.FIRST, 1, 0.4, 2, auto,
                MetaOptimizerConfig.defaults(), 0, 1);
        var learner = new AnilProvider().create(config, images);
        Examples support = new Examples(Nd4j.rand(DataType.FLOAT, 3, 1, 16, 16), Nd4j.createFromArray(0, 1, 2));
        Predictor p = learner.adapter().adapt(support, TaskType.CLASSIFICATION, 3);
        assertThat(p.predict(Nd4j.rand(DataType.FLOAT, 6, 1, 16, 16)).shape()).containsExactly(6, 3);
        Examples five = new Examples(Nd4j.rand(DataType.FLOAT, 5, 1, 16, 16), Nd4j.createFromArray(0, 1, 2, 3, 4));
        assertThat(learner.adapter().adapt(five, TaskType.CLASSIFICATION, 5)
                .predict(Nd4j.rand(DataType.FLOAT, 4, 1, 16, 16)).shape()).containsExactly(4, 5);
    }
}
