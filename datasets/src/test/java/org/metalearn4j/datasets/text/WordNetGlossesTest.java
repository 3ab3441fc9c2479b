package org.metalearn4j.datasets.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.ClassStore;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.dataset.EpisodeSampler;
import org.metalearn4j.core.task.EpisodeSpec;
import org.metalearn4j.core.task.Task;

/** Reads WordNet from the Debian package wordnet-base (installed by .ci/run). */
class WordNetGlossesTest {
    private static final WordNetGlossesProvider PROVIDER = new WordNetGlossesProvider();
    private static GlossSplits splits;
    private static List<GlossClass> all;

    @BeforeAll
    static void read() {
        WordNetGlossesConfig config = PROVIDER.defaults();
        splits = WordNetGlossesProvider.splits(config);
        all = GlossClasses.of(WordNetNouns.read(Path.of(config.path())).synsets(), config.minExamples());
    }

    @Test
    void readsTheHandCheckedSynsets() {
        assertThat(all).hasSize(609);
        assertThat(all.stream().mapToInt(c -> c.examples().size()).sum()).isEqualTo(28_698);
        GlossClass first = all.get(0);
        // data.noun: 00002684 03 n 02 object 0 physical_object 0 039 ... ~ 00003553 n 0000 ...
        assertThat(first.name()).isEqualTo("object#00002684");
        assertThat(first.members().get(0)).isEqualTo(3553L);
        assertThat(first.examples().get(0)).isEqualTo("an assemblage of parts that is regarded as a single entity");
        assertThat(all).allMatch(c -> c.examples().size() >= 20);
        NounSynset dog = WordNetNouns.synset("02084071 05 n 03 dog 0 domestic_dog 0 Canis_familiaris 0 003 @ 02083346"
                + " n 0000 ~ 01322604 n 0000 ~i 02084732 n 0000 | a member of the genus Canis; \"the dog barked\"");
        assertThat(dog.words()).containsExactly("dog", "domestic_dog", "Canis_familiaris");
        assertThat(dog.hyponyms()).containsExactly(1322604L, 2084732L);
        assertThat(dog.definition()).isEqualTo("a member of the genus Canis");
    }

    @Test
    void everyDefinitionBelongsToOneClassAndSplitsShareNoClass() {
        Set<Long> members = new HashSet<>();
        all.forEach(c -> c.members().forEach(m -> assertThat(members.add(m)).as("member %d twice", m).isTrue()));
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (String split : GlossSplits.SPLITS) {
            for (GlossClass c : splits.classes(split)) {
                assertThat(seen.add(c.name())).as("class %s in two splits", c.name()).isTrue();
                total++;
            }
        }
        assertThat(total).isEqualTo(609);
        assertThat(splits.classes("meta-train")).hasSize(365);
        assertThat(splits.classes("meta-val")).hasSize(122);
        assertThat(splits.classes("meta-test")).hasSize(122);
        WordNetGlossesConfig d = PROVIDER.defaults();
        GlossSplits again = WordNetGlossesProvider.splits(new WordNetGlossesConfig(d.path(), d.minExamples(),
                d.dimensions(), d.minN(), d.maxN(), d.trainFraction(), d.valFraction(), 1));
        assertThat(again.classes("meta-test")).isNotEqualTo(splits.classes("meta-test"));
    }

    @Test
    void malformedLinesAreSkippedAndReportedWithTheirLineNumbers() throws IOException {
        String good = "00001740 03 n 01 entity 0 001 ~ 00001930 n 0000 | that which is perceived\n";
        StringBuilder text = new StringBuilder("  1 This software and database is being provided\n");
        for (int i = 0; i < 200; i++) {
            text.append(good);
        }
        text.append("00001930 03 n 01 physical_entity 0 x07 @ 00001740 n 0000 | an entity\n");
        WordNetNouns.Result r = WordNetNouns.parse(new BufferedReader(new StringReader(text.toString())), "data.noun");
        assertThat(r.synsets()).hasSize(200);
        assertThat(r.problems()).singleElement().asString().startsWith("data.noun line 202: ")
                .endsWith("line skipped");
        assertThatThrownBy(() -> WordNetNouns.parse(new BufferedReader(new StringReader("garbage\nmore garbage\n")),
                "x")).isInstanceOf(DatasetException.class).hasMessageContaining("not a WordNet data.noun file");
    }

    @Test
    void aMissingDirectoryNamesTheDebianPackage() {
        assertThatThrownBy(() -> WordNetNouns.read(Path.of("/nonexistent/wordnet")))
                .isInstanceOf(DatasetException.class).hasMessageContaining("wordnet-base");
    }

    @Test
    void hashedNgramsAreUnitVectorsOfTheTextAlone() {
        CharNgramFeatures f = new CharNgramFeatures(2048, 3, 4);
        float[] a = f.of("A domestic animal");
        double norm = 0;
        for (float v : a) {
            norm += v * v;
        }
        assertThat(norm).isCloseTo(1, within(1e-5));
        assertThat(f.of("a DOMESTIC animal")).containsExactly(a);
        assertThat(f.of("a wild animal")).isNotEqualTo(a);
    }

    @Test
    void positionEpisodesNameTheExamplesOfFeatureEpisodes() {
        WordNetGlossesConfig d = PROVIDER.defaults();
        CharNgramFeatures f = new CharNgramFeatures(d.dimensions(), d.minN(), d.maxN());
        ClassStore features = splits.features("meta-test", f, d.dimensions());
        EpisodeSpec spec = new EpisodeSpec(5, 1, 3);
        Task byFeatures = new EpisodeSampler(features, spec, "x").sample(42);
        Task byPosition = new EpisodeSampler(splits.positions("meta-test"), spec, "x").sample(42);
        for (int row = 0; row < 15; row++) {
            int c = byPosition.query().x().getInt(row, 0);
            int i = byPosition.query().x().getInt(row, 1);
            String text = splits.classes("meta-test").get(c).examples().get(i);
            assertThat(byFeatures.query().x().getRow(row).toFloatVector()).containsExactly(f.of(text));
        }
    }
}
