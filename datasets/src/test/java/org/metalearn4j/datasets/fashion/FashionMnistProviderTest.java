package org.metalearn4j.datasets.fashion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.LabeledSet;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Real Fashion-MNIST; skipped only where the Debian package dataset-fashion-mnist is not installed (CI installs it).
 */
class FashionMnistProviderTest {
    private static final FashionMnistProvider PROVIDER = new FashionMnistProvider();
    private static ClassStoreDataset data;

    @BeforeAll
    static void open() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of(FashionMnistProvider.DEFAULT_PATH)),
                FashionMnistProvider.DEFAULT_PATH + " is absent (Debian package dataset-fashion-mnist)");
        data = (ClassStoreDataset) PROVIDER.open(PROVIDER.defaults());
    }

    @Test
    void flatSplitsHaveThePublishedSizes() {
        assertThat(data.inputShape()).containsExactly(1, 28, 28);
        assertThat(data.store("train").size()).isEqualTo(60_000);
        assertThat(data.store("test").size()).isEqualTo(10_000);
        for (int c = 0; c < 10; c++) {
            assertThat(data.store("train").count(c)).isEqualTo(6000);
            assertThat(data.store("test").count(c)).isEqualTo(1000);
        }
        float[] image = data.store("train").example(0, 0);
        float max = 0;
        for (float v : image) {
            assertThat(v).isBetween(0f, 1f);
            max = Math.max(max, v);
        }
        assertThat(max).isGreaterThan(0.5f);
    }

    @Test
    void sourceAndTargetSplitsHoldOnlyTheirClassesRelabelled() {
        assertThat(data.store("source-train").classNames())
                .containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat");
        assertThat(data.store("target-test").classNames())
                .containsExactly("Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        LabeledSet target = data.labeled("target-test");
        assertThat(target.examples().size()).isEqualTo(5000);
        assertThat(target.examples().x().shape()).containsExactly(5000, 1, 28, 28);
        assertThat(target.examples().y().dataType()).isEqualTo(DataType.INT64);
        assertThat(target.examples().y().maxNumber().longValue()).isEqualTo(4);
        assertThat(target.examples().x().getFloat(0, 0, 14, 14))
                .isEqualTo(data.store("test").example(5, 0)[14 * 28 + 14]);
    }

    @Test
    void metaTestEpisodesComeFromTargetClassesOfTheTestImages() {
        Task task = data.episodes("meta-test", new EpisodeSpec(5, 1, 15)).sample(3);
        assertThat(task.domain()).isEqualTo("fashion-mnist/meta-test");
        assertThat(task.query().x().shape()).containsExactly(75, 1, 28, 28);
        assertThat(data.store("meta-test").classNames()).doesNotContain("T-shirt/top");
    }

    @Test
    void badClassListsFailNamingTheField() throws Exception {
        assertThatThrownBy(() -> ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("sourceClasses: [0, 10]"), "dataset.params", "run.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("dataset.params.sourceClasses: expected class indices in [0, 9], got [0, 10]"
                        + " (in run.yaml)");
        assertThatThrownBy(() -> ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("targetClasses: [5, 5]"), "dataset.params", "run.yaml"))
                .hasMessageStartingWith("dataset.params.targetClasses: class index 5 is listed twice");
    }
}
