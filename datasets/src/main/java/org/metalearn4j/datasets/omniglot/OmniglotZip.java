package org.metalearn4j.datasets.omniglot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.datasets.image.InkImage;

/**
 * Reads an Omniglot image archive ({@code [top/]ALPHABET/characterNN/XXXX_YY.png}) straight from the zip stream, with
 * no unzipping to disk. Characters come out sorted by alphabet then character, drawings sorted by file name, so the
 * result is independent of the order of entries in the archive.
 *
 * <p>Directory entries and macOS archive artefacts ({@code __MACOSX/}, dot files) are skipped; any other entry that is
 * not a decodable PNG at the expected depth fails, naming the archive and the entry.
 */
public final class OmniglotZip {
    private OmniglotZip() {
    }

    /** Reads an archive on disk. */
    public static List<OmniglotCharacter> read(Path zip, int imageSize) {
        try (InputStream in = Files.newInputStream(zip)) {
            return read(in, zip.toString(), imageSize);
        } catch (NoSuchFileException e) {
            throw new DatasetException("Omniglot archive not found: " + zip.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new DatasetException("cannot read Omniglot archive " + zip + ": " + e.getMessage(), e);
        }
    }

    /** Reads an archive shipped on the class path next to this class. */
    public static List<OmniglotCharacter> readResource(String fileName, int imageSize) {
        InputStream in = OmniglotZip.class.getResourceAsStream(fileName);
        if (in == null) {
            throw new DatasetException("Omniglot archive " + fileName + " is missing from the class path (expected in "
                    + OmniglotZip.class.getPackageName().replace('.', '/') + "/)");
        }
        try (in) {
            return read(in, "classpath:" + fileName, imageSize);
        } catch (IOException e) {
            throw new DatasetException("cannot read Omniglot archive classpath:" + fileName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an archive from a stream.
     *
     * @param archive names the archive in error messages
     */
    public static List<OmniglotCharacter> read(InputStream in, String archive, int imageSize) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory() || isArtefact(name)) {
                    continue;
                }
                if (!name.toLowerCase().endsWith(".png") || name.split("/").length < 3) {
                    throw new DatasetException(archive + " entry " + name
                            + ": not an Omniglot image (expected ALPHABET/CHARACTER/NAME.png)");
                }
                names.add(name);
                contents.add(zip.readAllBytes());
            }
        } catch (java.util.zip.ZipException e) {
            throw new DatasetException(archive + ": corrupt zip archive (" + e.getMessage() + ")", e);
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

    private static boolean isArtefact(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || file.startsWith(".");
    }
}
