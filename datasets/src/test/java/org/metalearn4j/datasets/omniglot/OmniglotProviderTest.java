package org.metalearn4j.datasets.omniglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.dataset.ClassStoreDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full-set provider on tiny synthetic archives in the official layout (real PNGs from the shipped small set). */
class OmniglotProviderTest {
    @TempDir
    Path cache;

    @Test
    void vinyalsSplitTakesCharactersInStandardOrder() throws IOException {
        writeFullArchives();
        OmniglotProvider provider = new OmniglotProvider();
        OmniglotConfig config = new OmniglotConfig(28, cache.toString(), false, null, null, 5, 2, true, 0, 0, 0, 0, 0,
                4);
        ClassStoreDataset data = (ClassStoreDataset) provider.open(config);
        assertThat(data.splits()).containsExactly("meta-train", "meta-val", "meta-test");
        assertThat(data.store("meta-train").classes()).isEqualTo(5 * 4);
        assertThat(data.store("meta-train").className(0)).isEqualTo("Arcadian/character01/rot000");
        // Background archive first (6 characters), so meta-val holds its last one and the first evaluation one.
        assertThat(data.store("meta-val").classNames()).containsExactly("Cyrillic/character02", "Angelic/character01");
        assertThat(data.store("meta-test").classNames())
                .containsExactly("Angelic/character02", "Keble/character01", "Keble/character02");
        assertThat(data.store("meta-test").count(0)).isEqualTo(3);
    }

    @Test
    void missingArchivesSayWhereTheyWereLookedFor() {
        OmniglotProvider provider = new OmniglotProvider();
        OmniglotConfig config = new OmniglotConfig(28, cache.toString(), false, null, null, 1100, 100, true, 0, 0, 0,
                0, 0, 4);
        assertThatThrownBy(() -> provider.open(config))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("full Omniglot not found")
                .hasMessageContaining(cache.resolve("omniglot").resolve("images_background.zip").toString())
                .hasMessageContaining("omniglot-small");
    }

    @Test
    void splitSizesLargerThanTheArchivesFailNamingTheField() throws IOException {
        writeFullArchives();
        OmniglotConfig config = new OmniglotConfig(28, cache.toString(), false, null, null, 1100, 100, true, 0, 0, 0,
                0, 0, 4);
        assertThatThrownBy(() -> new OmniglotProvider().open(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("trainCharacters")
                .hasMessageContaining("hold 10");
    }

    /** Background: 3 alphabets x 2 characters; evaluation: 2 alphabets x 2 characters; 3 drawings each. */
    private void writeFullArchives() throws IOException {
        Iterator<List<byte[]>> source = RawOmniglot.characters(OmniglotSmallProvider.SMALL1).values().iterator();
        Path dir = Files.createDirectories(cache.resolve("omniglot"));
        writeArchive(dir.resolve("images_background.zip"), "images_background",
                List.of("Cyrillic", "Arcadian", "Braille"), source);
        writeArchive(dir.resolve("images_evaluation.zip"), "images_evaluation", List.of("Keble", "Angelic"), source);
    }

    private static void writeArchive(Path zip, String top, List<String> alphabets, Iterator<List<byte[]>> source)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String alphabet : alphabets) {
            for (int c = 1; c <= 2; c++) {
                List<byte[]> drawings = source.next();
                for (int d = 1; d <= 3; d++) {
                    entries.put(String.format("%s/%s/character%02d/0001_%02d.png", top, alphabet, c, d),
                            drawings.get(d));
                }
            }
        }
        RawOmniglot.writeZip(zip, entries);
    }
}
