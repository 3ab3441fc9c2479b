package org.metalearn4j.datasets.omniglot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Test fixtures: the original PNG bytes of the shipped small archives, and writing zips of them. */
public final class RawOmniglot {
    private RawOmniglot() {
    }

    /** {@code alphabet/character} to its PNG files' bytes, sorted by file name. */
    public static Map<String, List<byte[]>> characters(String resource) {
        Map<String, TreeMap<String, byte[]>> byCharacter = new TreeMap<>();
        try (InputStream in = OmniglotZip.class.getResourceAsStream(resource);
             ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String[] parts = entry.getName().split("/");
                if (!entry.isDirectory() && entry.getName().endsWith(".png")) {
                    byCharacter.computeIfAbsent(parts[parts.length - 3] + "/" + parts[parts.length - 2],
                            k -> new TreeMap<>()).put(parts[parts.length - 1], zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<byte[]>> out = new TreeMap<>();
        byCharacter.forEach((k, v) -> out.put(k, new ArrayList<>(v.values())));
        return out;
    }

    /** Writes the given entries (name to bytes, in map order) as a zip. */
    public static Path writeZip(Path zipFile, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return zipFile;
    }

    /** The bytes of a zip holding the given entries. */
    public static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
