package org.metalearn4j.datasets.omniglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.datasets.store.ExpectedDigest;
import org.metalearn4j.datasets.store.VerifiedFile;
import org.metalearn4j.datasets.store.ZipArchive;

/**
 * Issue 25, item 2: every data file is verified. A zip cut at an entry boundary (whose local entries all read fine)
 * is refused, a known Omniglot archive missing characters is refused naming what is missing, cached archives are
 * checked against their checksum on every use (hashed again only when their size or time changed), and a partial
 * runs archive is refused instead of scored on the runs that survive.
 */
class DataFileVerificationTest {
    @TempDir
    Path dir;

    private static final Map<String, List<byte[]>> SMALL1 = RawOmniglot.characters(OmniglotSmallProvider.SMALL1);

    /** The zip cut just before the local header of its {@code entry}-th entry (from 0). */
    private static byte[] cutBeforeEntry(byte[] zip, int entry) {
        int found = -1;
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4 && ++found == entry) {
                return Arrays.copyOf(zip, i);
            }
        }
        throw new IllegalArgumentException("fewer than " + entry + " entries");
    }

    private static Map<String, byte[]> characters(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        SMALL1.entrySet().stream().limit(count).forEach(c -> {
            for (int d = 0; d < c.getValue().size(); d++) {
                entries.put("images_background_small1/" + c.getKey() + String.format("/%02d.png", d), c.getValue()
                        .get(d));
            }
        });
        return entries;
    }

    @Test
    void aZipCutAtAnEntryBoundaryIsRefusedThoughEveryEntryBeforeTheCutIsIntact() throws IOException {
        byte[] whole = RawOmniglot.zipBytes(characters(3));
        assertThat(ZipArchive.read(whole, "whole.zip")).hasSize(60);
        byte[] cut = cutBeforeEntry(whole, 30);
        assertThatThrownBy(() -> ZipArchive.read(cut, "cut.zip"))
                .isInstanceOf(DatasetException.class)
                .hasMessage("cut.zip: truncated or not a zip archive (" + cut.length + " bytes): its end of central"
                        + " directory record is missing");
        Path file = Files.write(dir.resolve("cut.zip"), cut);
        assertThatThrownBy(() -> OmniglotZip.read(file, 28)).hasMessageContaining("truncated");

        byte[] flipped = whole.clone();
        flipped[200] ^= 0x5a;
        assertThatThrownBy(() -> ZipArchive.read(flipped, "flipped.zip"))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("flipped.zip: corrupt zip archive (");
    }

    @Test
    void aKnownArchiveWithMissingCharactersOrDrawingsIsRefusedNamingWhatIsMissing() throws IOException {
        assertThat(OmniglotSet.of(OmniglotSmallProvider.SMALL1)).contains(new OmniglotSet(
                OmniglotSmallProvider.SMALL1, 5, 136));
        OmniglotSet fourCharacters = new OmniglotSet("set.zip", 1, 4);
        List<OmniglotCharacter> half = OmniglotZip.read(RawOmniglot.zipBytes(characters(2)), "half.zip", 28);
        assertThatThrownBy(() -> fourCharacters.requireComplete(half, "half.zip"))
                .isInstanceOf(DatasetException.class)
                .hasMessage("half.zip is incomplete: 2 of 4 characters; replace it with a complete copy");
        Map<String, byte[]> both = characters(2);
        both.remove(both.keySet().iterator().next());
        List<OmniglotCharacter> oneDrawingShort = OmniglotZip.read(RawOmniglot.zipBytes(both), "short.zip", 28);
        assertThatThrownBy(() -> new OmniglotSet("set.zip", 1, 2).requireComplete(oneDrawingShort, "short.zip"))
                .hasMessage("short.zip is incomplete: characters without their 20 drawings: [Balinese/character01"
                        + " (19)]; replace it with a complete copy");
        assertThatCode(() -> new OmniglotSet("set.zip", 1, 2).requireComplete(half, "half.zip"))
                .doesNotThrowAnyException();
    }

    @Test
    void aCachedFileIsCheckedEveryTimeAndHashedAgainOnlyWhenItsSizeOrTimeChanged() throws IOException {
        Path file = Files.writeString(dir.resolve("images_background.zip"), "0123456789");
        ExpectedDigest good = new ExpectedDigest(VerifiedFile.digest(file, "SHA-256"), false, "configured");
        VerifiedFile.require(file, good);
        assertThat(dir.resolve(".images_background.zip.verified")).exists();

        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, "0123456780");
        Files.setLastModifiedTime(file, time);
        assertThatCode(() -> VerifiedFile.require(file, good)).doesNotThrowAnyException();

        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 5000));
        assertThatThrownBy(() -> VerifiedFile.require(file, good))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(file + " is corrupt or not the expected file: its SHA-256 is ")
                .hasMessageContaining("expected " + good.hex() + " (configured)");
    }

    @Test
    void theChecksumComesFromTheConfigThenTheSidecarThenThePublishedMd5() throws IOException {
        Path file = Files.writeString(dir.resolve("images_background.zip"), "x");
        Map<String, String> published = Map.of("images_background.zip", "0".repeat(32));
        assertThat(ExpectedDigest.of(null, file, published).orElseThrow())
                .isEqualTo(new ExpectedDigest("0".repeat(32), true, "the MD5 torchvision publishes for "
                        + "images_background.zip"));
        Files.writeString(ExpectedDigest.sidecar(file), "a".repeat(64) + "  images_background.zip\n");
        assertThat(ExpectedDigest.of(null, file, published).orElseThrow().source())
                .isEqualTo("from " + ExpectedDigest.sidecar(file));
        assertThat(ExpectedDigest.of("B".repeat(64), file, published).orElseThrow())
                .isEqualTo(new ExpectedDigest("b".repeat(64), false, "configured"));
        assertThat(ExpectedDigest.of(null, dir.resolve("other.zip"), published)).isEmpty();
    }

    @Test
    void aCachedFullArchiveThatChangedIsRefusedWhenTheDataSetOpens() throws IOException {
        Path omniglot = Files.createDirectories(dir.resolve("omniglot"));
        for (String name : List.of(OmniglotProvider.BACKGROUND_ZIP, OmniglotProvider.EVALUATION_ZIP)) {
            Path zip = RawOmniglot.writeZip(omniglot.resolve(name), characters(2));
            Files.writeString(ExpectedDigest.sidecar(zip), VerifiedFile.digest(zip, "SHA-256") + "  " + name + "\n");
        }
        Path background = omniglot.resolve(OmniglotProvider.BACKGROUND_ZIP);
        byte[] bytes = Files.readAllBytes(background);
        Files.write(background, Arrays.copyOf(bytes, bytes.length - 10));
        OmniglotConfig config = new OmniglotConfig(28, dir.toString(), false, null, null, 1, 1, true, 0, 0, 0, 0, 0,
                OmniglotSmallConfig.DEFAULT_ELASTIC_SIGMA);
        assertThatThrownBy(() -> new OmniglotProvider().open(config))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(background + " is corrupt or not the expected file")
                .hasMessageContaining("(from " + ExpectedDigest.sidecar(background) + ")");

        Files.delete(ExpectedDigest.sidecar(background));
        assertThatThrownBy(() -> new OmniglotProvider().open(config))
                .hasMessageContaining("its MD5 is ")
                .hasMessageContaining("the MD5 torchvision publishes for images_background.zip");
    }

    @Test
    void aPartialRunsArchiveOrDirectoryIsRefusedInsteadOfScoredOnTheRunsThatSurvive() throws IOException {
        Map<String, byte[]> runs = OneShotRunsFixture.assemble();
        byte[] whole = RawOmniglot.zipBytes(runs);
        Path cut = Files.write(dir.resolve("all_runs.zip"), cutBeforeEntry(whole, runs.size() - 30));
        assertThatThrownBy(() -> OmniglotRuns.read(cut, 28))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(cut + ": truncated or not a zip archive");

        Path root = dir.resolve("unpacked");
        for (Map.Entry<String, byte[]> e : runs.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        Files.delete(root.resolve("all_runs/run03/class_labels.txt"));
        assertThatThrownBy(() -> OmniglotRuns.read(root.resolve("all_runs"), 28))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("run run03/ is incomplete: it has run03/t")
                .hasMessageContaining("but no class_labels.txt");
        assertThat(new String(runs.get("all_runs/run01/class_labels.txt"), StandardCharsets.UTF_8)).isNotBlank();
    }
}
