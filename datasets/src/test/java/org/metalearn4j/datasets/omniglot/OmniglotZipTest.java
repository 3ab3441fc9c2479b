package org.metalearn4j.datasets.omniglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.dataset.DatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OmniglotZipTest {
    @TempDir
    Path dir;

    private final byte[] png = RawOmniglot.characters(OmniglotSmallProvider.SMALL2).get("Tagalog/character01").get(0);

    @Test
    void corruptPngEntryNamesTheArchiveAndTheEntry() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("set/Tagalog/character01/0893_01.png", png);
        entries.put("set/Tagalog/character01/0893_02.png", java.util.Arrays.copyOf(png, 40));
        Path zip = RawOmniglot.writeZip(dir.resolve("bad.zip"), entries);
        assertThatThrownBy(() -> OmniglotZip.read(zip, 28))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(zip + " entry set/Tagalog/character01/0893_02.png")
                .hasMessageContaining("not a readable PNG");
    }

    @Test
    void everyDrawingKeepsItsDrawerFromTheFileName() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("set/Tagalog/character01/0893_17.png", png);
        entries.put("set/Tagalog/character01/0893_02.png", png);
        OmniglotCharacter c = OmniglotZip.read(RawOmniglot.writeZip(dir.resolve("drawers.zip"), entries), 28).get(0);
        assertThat(c.drawers()).containsExactly("02", "17");
        assertThat(c.images()).hasSize(2);
        assertThat(OmniglotCharacter.drawerOf("0893_05.PNG")).isEqualTo("05");
        assertThat(OmniglotCharacter.drawerOf("sketch.png")).isEqualTo("sketch");
    }

    @Test
    void nonImageEntryNamesTheEntry() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("set/Tagalog/character01/0893_01.png", png);
        entries.put("set/Tagalog/character01/notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Path zip = RawOmniglot.writeZip(dir.resolve("text.zip"), entries);
        assertThatThrownBy(() -> OmniglotZip.read(zip, 28))
                .hasMessageContaining("entry set/Tagalog/character01/notes.txt: not an Omniglot image");
    }

    @Test
    void macArtefactsAreSkippedAndMissingArchivesNamed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("set/Tagalog/character01/0893_01.png", png);
        entries.put("__MACOSX/set/Tagalog/character01/._0893_01.png", new byte[] {0, 5});
        entries.put("set/Tagalog/.DS_Store", new byte[] {1});
        assertThat(OmniglotZip.read(RawOmniglot.writeZip(dir.resolve("mac.zip"), entries), 28)).hasSize(1);
        assertThatThrownBy(() -> OmniglotZip.read(dir.resolve("nope.zip"), 28))
                .hasMessageContaining("Omniglot archive not found: " + dir.resolve("nope.zip"));
    }
}
