package org.metalearn4j.transfer.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerSpec;
import org.metalearn4j.core.spi.ConfigException;

/** A stage's {@code backbone} binds as the learners' does, over the provider's default conv4. */
class PretrainConfigTest {
    private static final PretrainStageProvider PROVIDER = new PretrainStageProvider();

    @Test
    void backboneKeysOverrideTheDefaultOneByOne() throws Exception {
        PretrainConfig mlp = ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("backbone: {type: mlp, hidden: [16, 16]}"), "stages[0].config", null);
        assertThat(mlp.backbone()).isEqualTo(BackboneSpec.mlp(16, 16));
        PretrainConfig narrow = ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("backbone: {channels: 8}"), "stages[0].config", null);
        assertThat(narrow.backbone()).isEqualTo(BackboneSpec.conv4(8));
    }

    @Test
    void theOldFlatFormAndBadValuesFailNamingTheField() {
        assertThatThrownBy(() -> ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("{backbone: conv4, hidden: 64}"), "stages[0].config", null))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("stages[0].config.backbone: expected");
        assertThatThrownBy(() -> ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("backbone: {type: mlp, hidden: [16, 0]}"), "stages[0].config", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("stages[0].config.backbone.hidden: expected widths >= 1, got [16, 0]");
    }

    @Test
    void theOptimizerIsAdamByDefaultAndAnyProviderByNameWithItsSettings() throws Exception {
        assertThat(ConfigBinder.bindParams(PROVIDER, null, "stages[0].config", null).optimizer())
                .isEqualTo(OptimizerSpec.adam());
        PretrainConfig rmsprop = ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("optimizer: {type: rmsprop, alpha: 0.9}"), "stages[0].config", null);
        assertThat(rmsprop.optimizer().toJson().toString()).isEqualTo("{\"type\":\"rmsprop\",\"alpha\":0.9}");
        assertThatThrownBy(() -> ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("optimizer: {type: sgd, nesterov: true}"), "stages[0].config", "p.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("stages[0].config.optimizer.nesterov: Nesterov momentum needs momentum > 0 (in p.yaml)");
    }
}
