package org.metalearn4j.examples.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * Reading the small files of a run directory without following symbolic links: a link planted in a run directory
 * could otherwise make the dashboard serve any file of the machine.
 */
public final class RunFiles {
    private static final long MAX_JSON_BYTES = 16L << 20;

    private RunFiles() {
    }

    /**
     * A JSON file read back, or why it could not be.
     *
     * @param json    the file's content, or null
     * @param problem what is wrong with the file, or null
     */
    public record JsonFile(JsonNode json, String problem) {
    }

    /** Whether {@code path} is a regular file itself, not a link to one. */
    public static boolean isPlainFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether {@code path} is a directory itself, not a link to one. */
    public static boolean isPlainDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** When {@code path} was last modified, or null if it does not exist. */
    public static Instant lastModified(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .lastModifiedTime().toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** The latest of {@link #lastModified} over {@code paths}, or null if none exists. */
    public static Instant lastModified(List<Path> paths) {
        Instant latest = null;
        for (Path p : paths) {
            Instant t = lastModified(p);
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    /** Reads a JSON file of at most 16 MB; a missing, linked, oversized or malformed file gives a problem. */
    public static JsonFile readJson(Path file) {
        if (Files.isSymbolicLink(file)) {
            return new JsonFile(null, file + " is a symbolic link: not read");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new JsonFile(null, "no " + file.getFileName() + " in " + file.getParent());
        }
        if (!isPlainFile(file)) {
            return new JsonFile(null, file + " is not a regular file: not read");
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                return new JsonFile(null, file + " is larger than 16 MB: not read");
            }
            JsonNode json = ConfigMappers.plain().readTree(bytes);
            if (json == null || json.isMissingNode()) {
                return new JsonFile(null, file + " is empty");
            }
            return new JsonFile(json, null);
        } catch (JsonProcessingException e) {
            return new JsonFile(null, file + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            return new JsonFile(null, "cannot read " + file + ": " + e);
        }
    }
}
