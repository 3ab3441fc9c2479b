package org.metalearn4j.datasets.omniglot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.datasets.image.InkImage;
import org.metalearn4j.datasets.store.DecodedImageCache;
import org.metalearn4j.datasets.store.ZipArchive;

/**
 * Reads an Omniglot image archive ({@code [top/]ALPHABET/characterNN/XXXX_YY.png}) in memory, with no unzipping to
 * disk, after checking that the archive is whole ({@link ZipArchive}). Characters come out sorted by alphabet then character, drawings sorted by file name, so the
 * result is independent of the order of entries in the archive.
 *
 * <p>Directory entries and macOS archive artefacts ({@code __MACOSX/}, dot files) are skipped; any other entry that is
 * not a decodable PNG at the expected depth fails, naming the archive and the entry.
 */
public final class OmniglotZip {
    /** SHA-256 of the archives shipped in this module's resources. */
    private static final Map<String, String> SHIPPED_SHA256 = Map.of(
            OmniglotSmallProvider.SMALL1, "f38eb80f801274ac2b4dff5b24289016bfaba4a7d5bb50deebf27104ad6cb8a4",
            OmniglotSmallProvider.SMALL2, "3ccaa407515a8778e5d0861875af38b17e418f301ad5bb3b5a6b65d901a41c7f");

    private static final String CACHE_KIND = "omniglot";
    /**
     * Names the layout of a cache file and the decoding behind it ({@link InkImage}, {@link
     * org.metalearn4j.core.image.ImageFormat}'s resampling): bump it when either changes, so old files are not read.
     */
    private static final String CACHE_LAYOUT = "v1";

    private OmniglotZip() {
    }

    /** Reads an archive on disk. */
    public static List<OmniglotCharacter> read(Path zip, int imageSize) {
        try {
            return read(Files.readAllBytes(zip), zip.toString(), imageSize);
        } catch (NoSuchFileException e) {
            throw new DatasetException("Omniglot archive not found: " + zip.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new DatasetException(IoReason.describe("cannot read Omniglot archive", zip, e), e);
        }
    }

    /**
     * Reads an archive shipped on the class path next to this class, after checking it against the SHA-256 pinned
     * here and its expected character counts ({@link OmniglotSet}), so a damaged build fails instead of training on
     * part of the data.
     */
    public static List<OmniglotCharacter> readResource(String fileName, int imageSize) {
        InputStream in = OmniglotZip.class.getResourceAsStream(fileName);
        if (in == null) {
            throw new DatasetException("Omniglot archive " + fileName + " is missing from the class path (expected in "
                    + OmniglotZip.class.getPackageName().replace('.', '/') + "/)");
        }
        String archive = "classpath:" + fileName;
        byte[] bytes;
        try (in) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DatasetException("cannot read Omniglot archive " + archive + ": " + e.getMessage(), e);
        }
        String pinned = SHIPPED_SHA256.get(fileName);
        String sha256 = sha256(bytes);
        if (pinned != null && !pinned.equals(sha256)) {
            throw new DatasetException(archive + " is not the archive this build ships: its SHA-256 is "
                    + sha256 + ", expected " + pinned + "; rebuild the datasets module");
        }
        List<OmniglotCharacter> characters = read(bytes, sha256, archive, imageSize, DecodedImageCache.configured());
        OmniglotSet.of(fileName).ifPresent(set -> set.requireComplete(characters, archive));
        return characters;
    }

    /**
     * Reads an archive held in memory: its decoded images from the {@linkplain DecodedImageCache#configured()
     * configured cache} when that holds them for these bytes, else decoded after checking the archive is whole
     * ({@link ZipArchive}) and stored there.
     *
     * @param archive names the archive in error messages
     */
    public static List<OmniglotCharacter> read(byte[] zip, String archive, int imageSize) {
        return read(zip, sha256(zip), archive, imageSize, DecodedImageCache.configured());
    }

    /** {@link #read(byte[], String, int)} with the given cache. */
    public static List<OmniglotCharacter> read(byte[] zip, String archive, int imageSize, DecodedImageCache cache) {
        return read(zip, sha256(zip), archive, imageSize, cache);
    }

    private static List<OmniglotCharacter> read(byte[] zip, String sha256, String archive, int imageSize,
                                                DecodedImageCache cache) {
        return cache.get(cacheKind(imageSize), sha256, archive, new OmniglotCharactersCodec(),
                () -> decode(zip, archive, imageSize));
    }

    /** The {@link DecodedImageCache} kind of this archive format decoded to {@code imageSize} pixels square. */
    static String cacheKind(int imageSize) {
        return CACHE_KIND + "-" + imageSize + "px-" + CACHE_LAYOUT;
    }

    private static List<OmniglotCharacter> decode(byte[] zip, String archive, int imageSize) {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (ZipArchive.Entry entry : ZipArchive.read(zip, archive)) {
            String name = entry.name();
            if (isArtefact(name)) {
                continue;
            }
            if (!name.toLowerCase().endsWith(".png") || name.split("/").length < 3) {
                throw new DatasetException(archive + " entry " + name
                        + ": not an Omniglot image (expected ALPHABET/CHARACTER/NAME.png)");
            }
            names.add(name);
            contents.add(entry.bytes());
        }
        if (names.isEmpty()) {
            throw new DatasetException(archive + ": no Omniglot images found (expected ALPHABET/CHARACTER/NAME.png)");
        }
        // Decoding dominates loading and is independent per image, so it runs on the common pool.
        List<float[]> images = IntStream.range(0, names.size()).parallel()
                .mapToObj(i -> InkImage.decode(contents.get(i), imageSize, archive + " entry " + names.get(i)))
                .toList();
        Map<String, TreeMap<String, float[]>> byCharacter = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            String[] parts = names.get(i).split("/");
            String key = parts[parts.length - 3] + "/" + parts[parts.length - 2];
            byCharacter.computeIfAbsent(key, k -> new TreeMap<>()).put(parts[parts.length - 1], images.get(i));
        }
        List<OmniglotCharacter> characters = new ArrayList<>();
        byCharacter.forEach((key, drawings) -> {
            int slash = key.indexOf('/');
            characters.add(new OmniglotCharacter(key.substring(0, slash), key.substring(slash + 1),
                    new ArrayList<>(drawings.values()),
                    drawings.keySet().stream().map(OmniglotCharacter::drawerOf).toList()));
        });
        return characters;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static boolean isArtefact(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || file.startsWith(".");
    }
}
