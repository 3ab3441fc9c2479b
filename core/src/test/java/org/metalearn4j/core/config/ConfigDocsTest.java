package org.metalearn4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.Provider;

/** Enum-valued keys are written, documented and refused by the names users write. */
class ConfigDocsTest {

    enum Mode {
        @JsonProperty("last-k") LAST_K,
        @JsonProperty("full") FULL
    }

    record Item(@JsonPropertyDescription("item name") String name,
                @JsonPropertyDescription("item weight") double weight) {
    }

    record Settings(@JsonPropertyDescription("what trains") Mode mode,
                    @JsonPropertyDescription("the items") List<Item> items) {
        Settings {
            Checks.oneOf("mode", mode, Mode.class);
        }
    }

    static final class SettingsProvider implements Provider<Settings> {
        @Override
        public String name() {
            return "settings";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public Class<Settings> configType() {
            return Settings.class;
        }

        @Override
        public Settings defaults() {
            return new Settings(Mode.LAST_K, List.of(new Item("a", 1), new Item("b", 2)));
        }
    }

    @Test
    void enumKeysListTheirValuesAndListsOfRecordsAreCommentedItemByItem() {
        assertThat(ConfigDocs.yaml(new SettingsProvider().defaults())).isEqualTo("""
                mode: last-k  # what trains (one of last-k, full)
                items:  # the items
                  - name: a  # item name
                    weight: 1.0  # item weight
                  - name: b  # item name
                    weight: 2.0  # item weight
                """);
        assertThat(EnumNames.of(Mode.class)).containsExactly("last-k", "full");
        assertThat(EnumNames.of(Mode.FULL)).isEqualTo("full");
    }

    @Test
    void theRenderedDefaultsBindBackToTheDefaults() throws Exception {
        SettingsProvider p = new SettingsProvider();
        assertThat(ConfigBinder.bindParams(p, ConfigMappers.readYaml(ConfigDocs.yaml(p.defaults()), "docs"), "x",
                null)).isEqualTo(p.defaults());
    }

    @Test
    void enumErrorsListTheWrittenNames() {
        SettingsProvider p = new SettingsProvider();
        assertThatThrownBy(() -> ConfigBinder.bindParams(p, ConfigMappers.readYaml("mode: LAST_K", null),
                "stages[2].config", "p.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("stages[2].config.mode: expected one of [last-k, full], got \"LAST_K\" (in p.yaml)");
        assertThatThrownBy(() -> ConfigBinder.bindParams(p, ConfigMappers.readYaml("mode: 1", null), "x", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x.mode: expected one of [last-k, full]");
        assertThatThrownBy(() -> ConfigBinder.bindParams(p, ConfigMappers.readYaml("mode: ~", null), "x", null))
                .hasMessage("x.mode: expected one of [last-k, full], got nothing");
        assertThatThrownBy(() -> ConfigBinder.bindParams(p, ConfigMappers.readYaml("items: [{name: a, weight: w}]",
                null), "x", null))
                .hasMessageStartingWith("x.items[0].weight: expected a number, got \"w\"");
    }
}
