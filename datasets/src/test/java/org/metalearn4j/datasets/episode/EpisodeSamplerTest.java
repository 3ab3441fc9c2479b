package org.metalearn4j.datasets.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.EpisodeSampler;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.datasets.omniglot.OmniglotSmallProvider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class EpisodeSamplerTest {
    private static final OmniglotSmallProvider PROVIDER = new OmniglotSmallProvider();
    private static final ClassStoreDataset DATA = (ClassStoreDataset) PROVIDER.open(PROVIDER.defaults());
    private static final EpisodeSpec FIVE_WAY = new EpisodeSpec(5, 1, 15);

    @Test
    void episodeHasTheAgreedShapesTypesAndRemappedLabels() {
        Task task = DATA.episodes("meta-train", FIVE_WAY).sample(42);
        assertThat(task.support().x().shape()).containsExactly(5, 1, 28, 28);
        assertThat(task.query().x().shape()).containsExactly(75, 1, 28, 28);
        assertThat(task.support().x().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(task.support().y().dataType()).isEqualTo(DataType.INT64);
        assertThat(task.support().y().rank()).isEqualTo(1);
        assertThat(task.support().y().toLongVector()).containsExactly(0, 1, 2, 3, 4);
        long[] queryLabels = task.query().y().toLongVector();
        for (int label = 0; label < 5; label++) {
            final long l = label;
            assertThat(Arrays.stream(queryLabels).filter(v -> v == l).count()).isEqualTo(15);
        }
        assertThat(task.domain()).isEqualTo("omniglot-small/meta-train");
        assertThat(task.ways()).isEqualTo(5);
        assertThat(task.shots()).isEqualTo(1);
    }

    @Test
    void sameSeedSameEpisodeDifferentSeedDifferentEpisode() {
        var source = DATA.episodes("meta-test", FIVE_WAY);
        Task a = source.sample(7);
        Task b = source.sample(7);
        Task c = source.sample(8);
        assertThat(a.support().x()).isEqualTo(b.support().x());
        assertThat(a.query().x()).isEqualTo(b.query().x());
        assertThat(a.support().x()).isNotEqualTo(c.support().x());
    }

    @Test
    void supportAndQueryNeverShareAnExampleAndEachLabelIsOneClass() {
        ClassStore store = DATA.store("meta-test");
        var source = new EpisodeSampler(store, new EpisodeSpec(5, 5, 15), "t");
        for (long seed = 0; seed < 20; seed++) {
            Task task = source.sample(seed);
            Set<String> support = rows(task.support().x());
            Set<String> query = rows(task.query().x());
            assertThat(support).hasSize(25);
            assertThat(query).hasSize(75);
            support.retainAll(query);
            assertThat(support).isEmpty();
        }
    }

    @Test
    void labelsPointToTheSameClassInSupportAndQuery() {
        // Every image of a store class is found in exactly one class; map each episode row back to its class.
        ClassStore store = DATA.store("meta-test");
        java.util.Map<String, Integer> classOf = new java.util.HashMap<>();
        for (int c = 0; c < store.classes(); c++) {
            for (int i = 0; i < store.count(c); i++) {
                classOf.put(Arrays.toString(store.example(c, i)), c);
            }
        }
        Task task = new EpisodeSampler(store, new EpisodeSpec(5, 2, 3), "t").sample(3);
        int[] labelClass = new int[5];
        Arrays.fill(labelClass, -1);
        for (var set : List.of(task.support(), task.query())) {
            long[] y = set.y().toLongVector();
            for (int row = 0; row < y.length; row++) {
                int c = classOf.get(row(set.x(), row));
                if (labelClass[(int) y[row]] < 0) {
                    labelClass[(int) y[row]] = c;
                }
                assertThat(c).isEqualTo(labelClass[(int) y[row]]);
            }
        }
        assertThat(Arrays.stream(labelClass).distinct().count()).isEqualTo(5);
    }

    @Test
    void classFilterRestrictsTheClassesUsed() {
        ClassStore store = DATA.store("meta-test");
        int[] tagalog = store.classesWhere(n -> n.startsWith("Tagalog/"));
        Set<String> allowed = new HashSet<>();
        for (int c : tagalog) {
            for (int i = 0; i < store.count(c); i++) {
                allowed.add(Arrays.toString(store.example(c, i)));
            }
        }
        var source = new EpisodeSampler(store, tagalog, FIVE_WAY, "t");
        for (long seed = 0; seed < 10; seed++) {
            assertThat(allowed).containsAll(rows(source.sample(seed).query().x()));
        }
    }

    @Test
    void tooFewImagesPerClassNamesTheClass() {
        assertThatThrownBy(() -> DATA.episodes("meta-train", new EpisodeSpec(5, 10, 15)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("omniglot-small/meta-train")
                .hasMessageContaining("class 'Balinese/character01/rot000' has 20 examples")
                .hasMessageContaining("needs 25");
    }

    @Test
    void tooFewClassesAndUnknownSplitFailClearly() {
        ClassStore store = DATA.store("meta-test");
        assertThatThrownBy(() -> new EpisodeSampler(store, new int[] {0, 1}, FIVE_WAY, "x/y"))
                .hasMessageContaining("x/y: 5-way episodes need at least 5 classes, only 2");
        assertThatThrownBy(() -> DATA.episodes("meta-val", FIVE_WAY))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no split 'meta-val'");
    }

    @Test
    void evaluationEpisodesAreFixedBySeed() {
        var source = DATA.episodes("meta-test", FIVE_WAY);
        List<Task> first = EvaluationEpisodes.of(source, 2026, 4);
        List<Task> second = EvaluationEpisodes.of(source, 2026, 4);
        assertThat(first).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(first.get(i).query().x()).isEqualTo(second.get(i).query().x());
        }
        assertThat(first.get(0).query().x()).isNotEqualTo(first.get(1).query().x());
    }

    private static Set<String> rows(INDArray x) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < x.size(0); i++) {
            out.add(row(x, i));
        }
        return out;
    }

    private static String row(INDArray x, int i) {
        float[] all = x.dup('c').data().asFloat();
        int size = all.length / (int) x.size(0);
        return Arrays.toString(Arrays.copyOfRange(all, i * size, (i + 1) * size));
    }
}
