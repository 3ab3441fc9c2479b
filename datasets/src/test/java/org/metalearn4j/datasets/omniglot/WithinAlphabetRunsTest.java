package org.metalearn4j.datasets.omniglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.spi.ConfigException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The within-alphabet evaluation set built from {@code omniglot-small}'s meta-test characters. */
class WithinAlphabetRunsTest {
    private static final OmniglotSmallProvider PROVIDER = new OmniglotSmallProvider();
    private static final List<OmniglotCharacter> META_TEST = PROVIDER.characters(PROVIDER.defaults(), "meta-test");

    /** Which character and drawer each image is: the runs hold the characters' own image arrays. */
    private record Drawing(OmniglotCharacter character, String drawer) {
    }

    private static Map<float[], Drawing> drawings() {
        Map<float[], Drawing> out = new IdentityHashMap<>();
        for (OmniglotCharacter c : META_TEST) {
            for (int i = 0; i < c.images().size(); i++) {
                out.put(c.images().get(i), new Drawing(c, c.drawers().get(i)));
            }
        }
        return out;
    }

    @Test
    void theMetaTestCharactersKeepTheirTwentyDrawers() {
        assertThat(META_TEST).hasSize(106);
        assertThat(META_TEST).allSatisfy(c -> assertThat(c.drawers()).hasSize(20).contains("01", "20"));
        assertThat(META_TEST).extracting(OmniglotCharacter::alphabet).containsOnly("Japanese_(katakana)", "Sanskrit",
                "Tagalog");
    }

    @Test
    void eachEpisodeIsOneAlphabetWithExemplarsAndTestItemsByDifferentDrawers() {
        Map<float[], Drawing> drawings = drawings();
        List<OmniglotRun> runs = WithinAlphabetRuns.build(META_TEST, 20, 30, 20261123L);
        assertThat(runs).hasSize(30);
        Set<String> exemplarDrawers = new HashSet<>();
        for (OmniglotRun run : runs) {
            assertThat(run.training()).hasSize(20);
            assertThat(run.test()).hasSize(20);
            assertThat(run.answers()).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 20).toArray());
            List<Drawing> exemplars = run.training().stream().map(drawings::get).toList();
            List<Drawing> items = run.test().stream().map(drawings::get).toList();
            String alphabet = exemplars.get(0).character().alphabet();
            assertThat(run.name()).endsWith("-" + alphabet);
            assertThat(exemplars).extracting(d -> d.character().alphabet()).containsOnly(alphabet);
            assertThat(exemplars).extracting(Drawing::character).doesNotHaveDuplicates();
            String exemplarDrawer = exemplars.get(0).drawer();
            assertThat(exemplars).extracting(Drawing::drawer).containsOnly(exemplarDrawer);
            assertThat(items).extracting(Drawing::drawer).containsOnly(items.get(0).drawer())
                    .doesNotContain(exemplarDrawer);
            for (int j = 0; j < 20; j++) {
                assertThat(items.get(j).character()).as("%s item %d", run.name(), j)
                        .isSameAs(exemplars.get(run.answers()[j]).character());
            }
            exemplarDrawers.add(exemplarDrawer);
        }
        // Tagalog has 17 characters, too few for 20 ways; the two others take turns
        assertThat(runs).extracting(OmniglotRun::name).startsWith("001-Japanese_(katakana)", "002-Sanskrit",
                "003-Japanese_(katakana)");
        assertThat(exemplarDrawers).as("drawers vary between episodes").hasSizeGreaterThan(5);
    }

    @Test
    void theSameSeedGivesTheSameSetAndAnotherSeedAnother() {
        List<OmniglotRun> a = WithinAlphabetRuns.build(META_TEST, 5, 6, 1);
        List<OmniglotRun> b = WithinAlphabetRuns.build(META_TEST, 5, 6, 1);
        List<OmniglotRun> c = WithinAlphabetRuns.build(META_TEST, 5, 6, 2);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).training()).containsExactlyElementsOf(a.get(i).training());
            assertThat(b.get(i).test()).containsExactlyElementsOf(a.get(i).test());
            assertThat(b.get(i).answers()).containsExactly(a.get(i).answers());
        }
        assertThat(c.get(0).training()).isNotEqualTo(a.get(0).training());
        assertThat(a).extracting(OmniglotRun::name).contains("003-Tagalog");
    }

    @Test
    void everyTestItemIsScoredOnItsOwn() {
        List<OmniglotRun> runs = WithinAlphabetRuns.build(META_TEST, 20, 20, 7);
        Adapter alwaysFirst = (support, type, ways) -> x -> {
            float[][] logits = new float[(int) x.size(0)][ways];
            for (float[] row : logits) {
                row[0] = 1;
            }
            return Nd4j.create(logits).castTo(DataType.FLOAT);
        };
        OneShotScore score = OneShotRunsScorer.score(alwaysFirst, runs);
        assertThat(score.items()).isEqualTo(400);
        assertThat(score.correct()).as("one item per episode belongs to class 0").isEqualTo(20);
        assertThat(score.error()).isCloseTo(0.95, within(1e-12));
        assertThat(score.ci95()).isCloseTo(1.96 * Math.sqrt(0.05 * 0.95 / 400), within(1e-12));
    }

    @Test
    void tooFewCharactersOrAnUnknownSplitAreNamed() {
        assertThatThrownBy(() -> WithinAlphabetRuns.build(META_TEST, 50, 1, 1)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("at least 50 characters").hasMessageContaining("Sanskrit=42");
        assertThatThrownBy(() -> PROVIDER.characters(PROVIDER.defaults(), "meta-val"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no split 'meta-val'")
                .hasMessageContaining("[meta-train, meta-test]");
        assertThat(PROVIDER.characters(new OmniglotSmallConfig(28, 0, 0, 0, 0, 0, 4, List.of("Korean")),
                "meta-val")).hasSize(40);
    }
}
