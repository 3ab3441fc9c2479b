package org.metalearn4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.factory.Nd4j;

/** Configs name an optimizer with its settings; errors name the field; the loop's rate and groups reach it. */
class OptimizerSpecTest {
    /** A record holding an optimizer, as a stage config does. */
    record Holder(OptimizerSpec optimizer) {
    }

    private static OptimizerSpec bind(String yaml) throws Exception {
        JsonNode tree = ConfigMappers.yaml().readTree(yaml);
        return ConfigBinder.bind(tree, new Holder(OptimizerSpec.adam()), Holder.class, "stages[0].config", "p.yaml")
                .optimizer();
    }

    @Test
    void theBuiltInOptimizersAreFoundByNameWithTheirSettingsOverTheDefaults() throws Exception {
        assertThat(PluginRegistry.classpath().optimizers()).extracting(OptimizerProvider::name)
                .contains("adam", "sgd", "rmsprop");
        OptimizerSpec sgd = bind("optimizer: {type: sgd, momentum: 0.9}");
        assertThat(sgd.toJson().toString()).isEqualTo("{\"type\":\"sgd\",\"momentum\":0.9}");
        Optimizer optimizer = sgd.create(PluginRegistry.classpath(), new OptimizerSetup(0.1,
                List.of(ParamGroup.frozen("b."))));
        Params p = Params.of(List.of("a.w", "b.w"), List.of(Tensor.variable(Nd4j.createFromArray(1.0)),
                Tensor.variable(Nd4j.createFromArray(1.0))));
        Params g = p.map(t -> Tensor.constant(Nd4j.createFromArray(1.0)));
        optimizer.step(p, g);
        optimizer.step(p, g);
        assertThat(p.get("a.w").value().getDouble(0)).isCloseTo(1.0 - 0.1 - 0.1 * 1.9,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.get("b.w").value().getDouble(0)).isEqualTo(1.0);
        assertThat(bind("{}").type()).isEqualTo("adam");
    }

    @Test
    void badNamesAndSettingsFailNamingTheField() {
        assertThatThrownBy(() -> bind("optimizer: {type: sgd, momentum: 1.5}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("stages[0].config.optimizer.momentum: expected a number in [0, 1), got 1.5 (in p.yaml)");
        assertThatThrownBy(() -> bind("optimizer: {type: adam, beta3: 0.5}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("stages[0].config.optimizer.beta3:"
                        + " unknown key");
        assertThatThrownBy(() -> bind("optimizer: {momentum: 0.5}"))
                .isInstanceOf(ConfigException.class).hasMessage("stages[0].config.optimizer.momentum: unknown key;"
                        + " allowed keys here: [beta1, beta2, eps, weightDecay] (in p.yaml)");
        OptimizerSpec unknown = new OptimizerSpec("adagrad", null);
        assertThatThrownBy(() -> unknown.create(PluginRegistry.classpath(), OptimizerSetup.of(0.1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("optimizer.type: no optimizer named 'adagrad'; available: adam, rmsprop, sgd");
    }
}
