package org.metalearn4j.datasets.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.RunComponents;

class MixtureProviderTest {
    private static final MixtureProvider PROVIDER = new MixtureProvider();

    private static Dataset open(String yaml) throws Exception {
        return RunComponents.openDataset(PROVIDER, ConfigMappers.yaml().readTree(yaml), "run.yaml");
    }

    @Test
    void tasksComeFromEveryFamilyInProportionAndNameTheirFamily() throws Exception {
        Dataset data = open("{families: [{name: sinusoid}, {name: harmonic}], weights: [3, 1]}");
        assertThat(data.splits()).containsExactly("meta-train", "meta-val", "meta-test");
        TaskSource source = data.episodes("meta-train", new EpisodeSpec(1, 5, 5));
        Map<String, Integer> counts = new HashMap<>();
        for (long seed = 0; seed < 400; seed++) {
            counts.merge(source.sample(seed).domain(), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder("sinusoid/meta-train", "harmonic/meta-train");
        assertThat(counts.get("sinusoid/meta-train")).isBetween(260, 340);
        Task task = source.sample(7);
        assertThat(source.sample(7).support().y()).isEqualTo(task.support().y());
    }

    @Test
    void familiesBindTheirOwnParamsAndMismatchesAreRefusedNamingTheField() throws Exception {
        Dataset narrow = open("{families: [{name: sinusoid, params: {amplitudeMin: 4, amplitudeMax: 5}},"
                + " {name: harmonic}]}");
        assertThat(narrow.type()).isEqualTo(org.metalearn4j.core.task.TaskType.REGRESSION);
        assertThatThrownBy(() -> open("{families: [{name: sinusoid, params: {amplitudeMin: 9}}, {name: harmonic}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dataset.params.families[0].params.amplitudeMin: expected a finite number");
        assertThatThrownBy(() -> open("{families: [{name: sinusoid}, {name: nope}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dataset.params.families[1].name: no dataset named 'nope'");
        assertThatThrownBy(() -> open("{families: [{name: sinusoid}, {name: quadratic}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dataset.params.families[1]: quadratic has REGRESSION tasks with inputs [10]");
        assertThatThrownBy(() -> ConfigBinder.bindParams(PROVIDER, ConfigMappers.yaml().readTree(
                "{families: [{name: sinusoid}, {name: harmonic}], weights: [1]}"), "dataset.params", null))
                .hasMessageContaining("dataset.params.weights: expected one weight per family (2) or none, got 1");
    }
}
