package org.metalearn4j.datasets.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.Dataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.task.TaskType;

/** Completion tasks over the shipped Omniglot images: coordinates, intensities, sizes and seeds. */
class ImageCompletionProviderTest {
    private static final ImageCompletionProvider PROVIDER = new ImageCompletionProvider();

    @Test
    void tasksAreOneImagesPixelsSplitIntoContextAndQuery() throws Exception {
        Dataset data = PROVIDER.open(ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("{source: omniglot-small, imageSize: 20}"), "dataset.params", null));
        assertThat(data.type()).isEqualTo(TaskType.REGRESSION);
        assertThat(data.inputShape()).containsExactly(2);
        TaskSource source = data.episodes("meta-test", new EpisodeSpec(1, 50, 350));
        Task t = source.sample(3);
        assertThat(t.support().x().shape()).containsExactly(50, 2);
        assertThat(t.query().y().shape()).containsExactly(350, 1);
        assertThat(t.domain()).isEqualTo("image-completion/meta-test");
        Set<String> pixels = new HashSet<>();
        for (Task part : new Task[] {t}) {
            float[][] xs = new float[][] {part.support().x().data().asFloat(), part.query().x().data().asFloat()};
            for (float[] x : xs) {
                for (int i = 0; i < x.length; i += 2) {
                    assertThat(x[i]).isBetween(-1f, 1f);
                    pixels.add(x[i] + "," + x[i + 1]);
                }
            }
        }
        assertThat(pixels).as("400 distinct pixels of one 20x20 image").hasSize(400);
        double ink = t.support().y().sumNumber().doubleValue() + t.query().y().sumNumber().doubleValue();
        assertThat(ink).as("an Omniglot character has some ink and much background").isBetween(5.0, 200.0);
        assertThat(source.sample(3).query().y()).isEqualTo(t.query().y());
        assertThat(source.sample(4).query().y()).isNotEqualTo(t.query().y());
    }

    @Test
    void variableContextSizesStayWithinTheConfiguredRange() throws Exception {
        Dataset data = PROVIDER.open(ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("{source: omniglot-small, imageSize: 28, minContext: 10}"),
                "dataset.params", null));
        TaskSource source = data.episodes("meta-train", new EpisodeSpec(1, 200, 100));
        for (long seed = 0; seed < 50; seed++) {
            Task t = source.sample(seed);
            assertThat(t.support().size()).isBetween(10, 200);
            assertThat(t.support().size() + t.query().size()).isEqualTo(300);
        }
    }

    @Test
    void badSettingsFailNamingTheField() {
        assertThatThrownBy(() -> ConfigBinder.bindParams(PROVIDER,
                ConfigMappers.yaml().readTree("{source: fashion-mnist, imageSize: 20}"), "dataset.params", "x.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dataset.params.imageSize")
                .hasMessageContaining("Fashion-MNIST images are 28x28");
        Dataset data = PROVIDER.open(new ImageCompletionConfig(ImageCompletionConfig.Source.OMNIGLOT_SMALL, "unused",
                10, 0));
        assertThatThrownBy(() -> data.episodes("meta-test", new EpisodeSpec(1, 60, 50)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("10x10 = 100 pixels");
        assertThatThrownBy(() -> data.episodes("meta-test", new EpisodeSpec(2, 6, 5)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("way 1");
        assertThatThrownBy(() -> data.episodes("train", new EpisodeSpec(1, 6, 5)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no split 'train'");
    }

    @Test
    void coordinatesSpanMinusOneToOneRowMajor() {
        float[][] c = PixelTasks.coordinates(3, 2);
        assertThat(c).hasDimensions(6, 2);
        assertThat(c[0]).containsExactly(-1f, -1f);
        assertThat(c[1]).containsExactly(-1f, 1f);
        assertThat(c[2]).containsExactly(0f, -1f);
        assertThat(c[5]).containsExactly(1f, 1f);
    }
}
