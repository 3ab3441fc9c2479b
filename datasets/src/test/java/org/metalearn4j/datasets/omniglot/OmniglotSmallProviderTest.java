package org.metalearn4j.datasets.omniglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.ServiceLoader;
import org.metalearn4j.core.config.ConfigBinder;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.datasets.image.Rotation;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.junit.jupiter.api.Test;

class OmniglotSmallProviderTest {
    private static final OmniglotSmallProvider PROVIDER = new OmniglotSmallProvider();
    private static final ClassStoreDataset DATA = (ClassStoreDataset) PROVIDER.open(PROVIDER.defaults());

    @Test
    void splitsHaveTheAgreedClassCounts() {
        assertThat(DATA.splits()).containsExactly("meta-train", "meta-test");
        assertThat(DATA.inputShape()).containsExactly(1, 28, 28);
        assertThat(DATA.store("meta-train").classes()).isEqualTo(544);
        assertThat(DATA.store("meta-test").classes()).isEqualTo(106);
        assertThat(DATA.store("meta-train").count(0)).isEqualTo(20);
    }

    @Test
    void greekAndLatinAreKeptOnceInMetaTrain() {
        ClassStore train = DATA.store("meta-train");
        ClassStore test = DATA.store("meta-test");
        assertThat(train.classesWhere(n -> n.startsWith("Greek/"))).hasSize(24 * 4);
        assertThat(train.classesWhere(n -> n.startsWith("Latin/"))).hasSize(26 * 4);
        assertThat(test.classNames()).noneMatch(n -> n.startsWith("Greek/") || n.startsWith("Latin/"));
        assertThat(test.classesWhere(n -> n.startsWith("Japanese_(katakana)/"))).hasSize(47);
        assertThat(test.classesWhere(n -> n.startsWith("Sanskrit/"))).hasSize(42);
        assertThat(test.classesWhere(n -> n.startsWith("Tagalog/"))).hasSize(17);
    }

    @Test
    void imagesHaveStrokesOneAndBackgroundZero() {
        float[] image = DATA.store("meta-test").example(0, 0);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        double sum = 0;
        for (float v : image) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        // Strokes are thin: most of the image is background, so ink (not inverted ink) averages well below one half.
        assertThat(sum / image.length).isBetween(0.02, 0.4);
        // The border of an Omniglot drawing is paper.
        assertThat(image[0]).isEqualTo(0f);
    }

    @Test
    void rotatedClassesAreExactRotationsOfTheUprightClass() {
        ClassStore train = DATA.store("meta-train");
        int upright = train.classesWhere(n -> n.equals("Korean/character05/rot000"))[0];
        for (int turns = 1; turns < 4; turns++) {
            String name = String.format("Korean/character05/rot%03d", turns * 90);
            int rotated = train.classesWhere(name::equals)[0];
            assertThat(train.example(rotated, 3))
                    .containsExactly(Rotation.rotate(train.example(upright, 3), 28, turns));
        }
    }

    @Test
    void openingTwiceReusesTheDecodedStore() {
        ClassStoreDataset again = (ClassStoreDataset) PROVIDER.open(new OmniglotSmallConfig(28, 0));
        assertThat(again.store("meta-train")).isSameAs(DATA.store("meta-train"));
    }

    @Test
    void trainShiftMovesMetaTrainImagesOnlyAndKeepsTheirInk() {
        ClassStoreDataset shifted = (ClassStoreDataset) PROVIDER.open(new OmniglotSmallConfig(28, 2));
        EpisodeSpec spec = new EpisodeSpec(5, 1, 3);
        Task plain = DATA.episodes("meta-train", spec).sample(5);
        Task moved = shifted.episodes("meta-train", spec).sample(5);
        assertThat(moved.support().x()).isNotEqualTo(plain.support().x());
        assertThat(moved.support().y()).isEqualTo(plain.support().y());
        // Omniglot drawings mostly keep a paper margin: a 2-pixel shift pushes under 2% of the ink out of frame.
        double ink = plain.support().x().sumNumber().doubleValue();
        assertThat(moved.support().x().sumNumber().doubleValue()).isBetween(0.98 * ink, ink + 1e-3);
        assertThat(shifted.episodes("meta-test", spec).sample(5).query().x())
                .isEqualTo(DATA.episodes("meta-test", spec).sample(5).query().x());
    }

    @Test
    void trainShiftOutsideTheImageIsRejectedNamingTheFullPath() {
        for (int bad : new int[] {-1, 28}) {
            assertThatThrownBy(() -> bind("trainShift: " + bad))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("dataset.params.trainShift: expected an integer in [0, 27], got " + bad
                            + " (in run.yaml)");
        }
        assertThatThrownBy(() -> bind("{imageSize: 16, trainShift: 16}"))
                .hasMessageStartingWith("dataset.params.trainShift: expected an integer in [0, 15], got 16");
    }

    private static OmniglotSmallConfig bind(String yaml) throws Exception {
        return ConfigBinder.bindParams(PROVIDER, ConfigMappers.yaml().readTree(yaml), "dataset.params", "run.yaml");
    }

    @Test
    void trainRotationAndScaleWarpMetaTrainImagesOnly() {
        ClassStoreDataset warped = (ClassStoreDataset) PROVIDER.open(
                new OmniglotSmallConfig(28, 0, 10, 0.1, 0, 0, 4, List.of()));
        EpisodeSpec spec = new EpisodeSpec(5, 1, 3);
        Task plain = DATA.episodes("meta-train", spec).sample(5);
        Task moved = warped.episodes("meta-train", spec).sample(5);
        assertThat(moved.support().x()).isNotEqualTo(plain.support().x());
        assertThat(moved.support().y()).isEqualTo(plain.support().y());
        assertThat(warped.episodes("meta-test", spec).sample(5).query().x())
                .isEqualTo(DATA.episodes("meta-test", spec).sample(5).query().x());
    }

    @Test
    void warpSettingsOutOfRangeAreRejectedNamingTheField() {
        assertThatThrownBy(() -> bind("trainRotation: 200"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dataset.params.trainRotation: expected a number in [0.0, 180.0], got 200");
        assertThatThrownBy(() -> bind("trainScale: 1.5"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dataset.params.trainScale: expected a number in [0, 1)")
                .hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> bind("imageSize: 0"))
                .hasMessageStartingWith("dataset.params.imageSize: expected an integer in [1, 105], got 0");
    }

    @Test
    void strokeThicknessAndElasticDistortionChangeMetaTrainImagesOnly() throws Exception {
        ClassStoreDataset augmented = (ClassStoreDataset) PROVIDER.open(bind("{trainThickness: 0.5, trainElastic: 20,"
                + " trainElasticSigma: 3}"));
        EpisodeSpec spec = new EpisodeSpec(5, 1, 3);
        Task plain = DATA.episodes("meta-train", spec).sample(5);
        Task changed = augmented.episodes("meta-train", spec).sample(5);
        assertThat(changed.support().x()).isNotEqualTo(plain.support().x());
        assertThat(changed.support().y()).isEqualTo(plain.support().y());
        assertThat(augmented.episodes("meta-test", spec).sample(5).query().x())
                .isEqualTo(DATA.episodes("meta-test", spec).sample(5).query().x());
        assertThat(augmented.augmentation("meta-train")).isPresent();
        assertThat(DATA.augmentation("meta-train")).isEmpty();
        assertThatThrownBy(() -> bind("trainThickness: 2")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dataset.params.trainThickness: expected a number in [0.0, 1.0], got 2");
        assertThatThrownBy(() -> bind("trainElasticSigma: 0")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dataset.params.trainElasticSigma: expected a number in (0, 28], got 0");
        assertThat(((ClassStoreDataset) PROVIDER.open(bind("trainElastic: 34"))).augmentation("meta-train")).as("Simard et al.'s alpha")
                .isPresent();
        assertThatThrownBy(() -> bind("trainElastic: 200")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dataset.params.trainElastic: expected a number in [0, 171.9] (a typical"
                        + " displacement of at most a quarter of the 28-pixel image with trainElasticSigma 4.0),"
                        + " got 200.0");
    }

    @Test
    void validationAlphabetsMoveOutOfMetaTrainIntoAnUprightMetaValSplit() {
        ClassStoreDataset held = (ClassStoreDataset) PROVIDER.open(
                new OmniglotSmallConfig(28, 0, 0, 0, 0, 0, 4, List.of("Korean")));
        assertThat(held.splits()).containsExactly("meta-train", "meta-val", "meta-test");
        ClassStore val = held.store("meta-val");
        assertThat(val.classesWhere(n -> n.startsWith("Korean/"))).hasSize(val.classes());
        assertThat(val.classes()).isEqualTo(40);
        ClassStore train = held.store("meta-train");
        assertThat(train.classesWhere(n -> n.startsWith("Korean/"))).isEmpty();
        assertThat(train.classes()).isEqualTo(DATA.store("meta-train").classes() - 4 * 40);
        assertThat(held.store("meta-test").classes()).isEqualTo(DATA.store("meta-test").classes());
        assertThat(DATA.splits()).containsExactly("meta-train", "meta-test");
    }

    @Test
    void anUnknownValidationAlphabetIsRejectedListingTheChoices() {
        assertThatThrownBy(() -> PROVIDER.open(new OmniglotSmallConfig(28, 0, 0, 0, 0, 0, 4,
                List.of("Klingon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("validationAlphabets")
                .hasMessageContaining("Klingon").hasMessageContaining("Korean");
    }

    @Test
    void everyDatasetIsListedThroughServiceLoader() {
        @SuppressWarnings("rawtypes")
        List<String> names = ServiceLoader.load(DatasetProvider.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("omniglot-small", "omniglot", "fashion-mnist", "sinusoid", "harmonic", "gp-curves");
    }
}
