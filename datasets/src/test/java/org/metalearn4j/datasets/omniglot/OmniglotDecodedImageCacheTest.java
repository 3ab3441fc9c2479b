package org.metalearn4j.datasets.omniglot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.datasets.store.DecodedImageCache;

class OmniglotDecodedImageCacheTest {
    private static final String KIND = OmniglotZip.cacheKind(28);
    private static byte[] twoCharacters;
    private static byte[] threeCharacters;
    private static List<OmniglotCharacter> freshTwo;

    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void decodeWithoutCache() throws IOException {
        Map<String, List<byte[]>> small1 = RawOmniglot.characters(OmniglotSmallProvider.SMALL1);
        twoCharacters = RawOmniglot.zipBytes(entries(small1, 2));
        threeCharacters = RawOmniglot.zipBytes(entries(small1, 3));
        freshTwo = OmniglotZip.read(twoCharacters, "two.zip", 28, DecodedImageCache.disabled());
    }

    private static Map<String, byte[]> entries(Map<String, List<byte[]>> characters, int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        characters.entrySet().stream().limit(count).forEach(c -> {
            for (int d = 0; d < c.getValue().size(); d++) {
                entries.put(c.getKey() + String.format("/0001_%02d.png", d + 1), c.getValue().get(d));
            }
        });
        return entries;
    }

    private DecodedImageCache cache() {
        return DecodedImageCache.at(dir, warnings::add);
    }

    private Path fileOf(byte[] archive) {
        return cache().fileFor(KIND, OmniglotZip.sha256(archive)).orElseThrow();
    }

    /** Reads the cached file back, failing if the cache decodes instead. */
    private List<OmniglotCharacter> cachedOnly(byte[] archive) {
        return cache().get(KIND, OmniglotZip.sha256(archive), "two.zip", new OmniglotCharactersCodec(), () -> {
            throw new AssertionError("decoded although the cache holds the archive");
        });
    }

    private static void assertBitwiseEqual(List<OmniglotCharacter> actual, List<OmniglotCharacter> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int c = 0; c < expected.size(); c++) {
            OmniglotCharacter a = actual.get(c);
            OmniglotCharacter e = expected.get(c);
            assertThat(a.id()).isEqualTo(e.id());
            assertThat(a.drawers()).isEqualTo(e.drawers());
            assertThat(a.images()).hasSameSizeAs(e.images());
            for (int i = 0; i < e.images().size(); i++) {
                float[] x = a.images().get(i);
                float[] y = e.images().get(i);
                assertThat(x).hasSameSizeAs(y);
                for (int p = 0; p < y.length; p++) {
                    assertThat(Float.floatToRawIntBits(x[p])).as("%s drawing %d pixel %d", e.id(), i, p)
                            .isEqualTo(Float.floatToRawIntBits(y[p]));
                }
            }
        }
    }

    @Test
    void aCacheHitGivesBitwiseTheImagesOfAFreshDecode() {
        List<OmniglotCharacter> first = OmniglotZip.read(twoCharacters, "two.zip", 28, cache());
        assertThat(fileOf(twoCharacters)).isRegularFile();
        assertBitwiseEqual(first, freshTwo);
        assertBitwiseEqual(cachedOnly(twoCharacters), freshTwo);
        assertBitwiseEqual(OmniglotZip.read(twoCharacters, "two.zip", 28, cache()), freshTwo);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCorruptCacheFileIsReportedInOneLineDecodedAgainAndRewritten() throws IOException {
        OmniglotZip.read(twoCharacters, "two.zip", 28, cache());
        Path file = fileOf(twoCharacters);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertBitwiseEqual(OmniglotZip.read(twoCharacters, "two.zip", 28, cache()), freshTwo);
        assertThat(warnings).singleElement().asString().doesNotContain("\n")
                .contains("decoded-image cache " + file + " not used", "SHA-256 trailer does not match",
                        "decoding two.zip again");
        warnings.clear();
        assertBitwiseEqual(cachedOnly(twoCharacters), freshTwo);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTruncatedOrForeignCacheFileIsNeverTrusted() throws IOException {
        OmniglotZip.read(twoCharacters, "two.zip", 28, cache());
        Path file = fileOf(twoCharacters);
        Path other = fileOf(threeCharacters);
        // A sound file filed under another archive's name: its header names the archive it came from.
        Files.copy(file, other);
        assertThat(OmniglotZip.read(threeCharacters, "three.zip", 28, cache())).hasSize(3);
        assertThat(warnings).singleElement().asString().contains("it holds " + KIND + " of archive "
                + OmniglotZip.sha256(twoCharacters) + ", expected " + KIND + " of "
                + OmniglotZip.sha256(threeCharacters));

        warnings.clear();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertBitwiseEqual(OmniglotZip.read(twoCharacters, "two.zip", 28, cache()), freshTwo);
        assertThat(warnings).singleElement().asString().contains("not used");
    }

    @Test
    void anotherArchiveChecksumIsAnotherFile() {
        OmniglotZip.read(twoCharacters, "two.zip", 28, cache());
        OmniglotZip.read(threeCharacters, "three.zip", 28, cache());
        assertThat(fileOf(twoCharacters)).isNotEqualTo(fileOf(threeCharacters));
        assertThat(fileOf(twoCharacters).getFileName().toString()).contains(OmniglotZip.sha256(twoCharacters));
        assertThat(fileOf(twoCharacters)).isRegularFile();
        assertThat(fileOf(threeCharacters)).isRegularFile();
        assertThat(cache().fileFor(OmniglotZip.cacheKind(32), OmniglotZip.sha256(twoCharacters)))
                .isNotEqualTo(cache().fileFor(KIND, OmniglotZip.sha256(twoCharacters)));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDisabledCacheDecodesAndWritesNothing() throws IOException {
        assertThat(DecodedImageCache.disabled().fileFor(KIND, "00")).isEmpty();
        assertBitwiseEqual(OmniglotZip.read(twoCharacters, "two.zip", 28, DecodedImageCache.disabled()), freshTwo);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnwritableCacheCostsOnlyAWarning() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        DecodedImageCache cache = DecodedImageCache.at(notADirectory, warnings::add);
        assertBitwiseEqual(OmniglotZip.read(twoCharacters, "two.zip", 28, cache), freshTwo);
        assertThat(warnings).singleElement().asString().startsWith("cannot write the decoded-image cache")
                .contains("METALEARN4J_IMAGE_CACHE=off");
    }

    @Test
    void theSystemPropertyChoosesTheDirectoryOrSwitchesTheCacheOff() {
        String before = System.getProperty(DecodedImageCache.PROPERTY);
        try {
            System.setProperty(DecodedImageCache.PROPERTY, dir.toString());
            assertThat(DecodedImageCache.configured().directory()).contains(dir);
            System.setProperty(DecodedImageCache.PROPERTY, "off");
            assertThat(DecodedImageCache.configured().directory()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(DecodedImageCache.PROPERTY);
            } else {
                System.setProperty(DecodedImageCache.PROPERTY, before);
            }
        }
    }
}
