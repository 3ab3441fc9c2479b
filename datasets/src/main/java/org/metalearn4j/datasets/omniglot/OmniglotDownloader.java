package org.metalearn4j.datasets.omniglot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * Downloads the full Omniglot archives into the cache directory, verifying each against a SHA-256 checksum before it
 * is kept. The omniglot repository publishes no checksums and none could be verified while writing this class, so
 * there is no built-in table: the expected value comes from the configuration or from a {@code <file>.sha256} file
 * next to the target (first token, {@code sha256sum} format), and a download without one is refused rather than
 * trusted blindly. The file is written to {@code <file>.part} and moved into place only when the checksum matches.
 */
public final class OmniglotDownloader {
    /** Official location of the background set (964 characters, 30 alphabets). */
    public static final URI BACKGROUND =
            URI.create("https://raw.githubusercontent.com/brendenlake/omniglot/master/python/images_background.zip");
    /** Official location of the evaluation set (659 characters, 20 alphabets). */
    public static final URI EVALUATION =
            URI.create("https://raw.githubusercontent.com/brendenlake/omniglot/master/python/images_evaluation.zip");

    private final HttpClient client;
    private final Duration timeout;

    public OmniglotDownloader() {
        this(Duration.ofSeconds(30));
    }

    /** @param timeout connection and response-header timeout */
    public OmniglotDownloader(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Downloads {@code url} to {@code target} unless it is already there.
     *
     * @param expectedSha256 hex SHA-256 of the file, or null/blank to read it from {@code <target>.sha256}
     * @return {@code target}
     * @throws DatasetException naming the URL and the cache path when offline, on an HTTP error, without a checksum,
     *                          or on a checksum mismatch (in which case nothing is kept)
     */
    public Path fetch(URI url, Path target, String expectedSha256) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        String expected = expectedChecksum(expectedSha256, target, url);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String actual;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DatasetException(url + " answered HTTP " + response.statusCode() + "; nothing was saved to "
                            + target);
                }
                actual = copyAndHash(body, part);
            }
            if (!actual.equals(expected)) {
                Files.deleteIfExists(part);
                throw new DatasetException("SHA-256 mismatch for " + url + ": expected " + expected + ", got " + actual
                        + "; the download was discarded and not kept in " + target.getParent());
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            deleteQuietly(part);
            throw new DatasetException("could not download " + url + " to " + target + " (" + e
                    + "). If this machine is offline, download the file elsewhere and copy it to " + target, e);
        } catch (InterruptedException e) {
            deleteQuietly(part);
            Thread.currentThread().interrupt();
            throw new DatasetException("download of " + url + " to " + target + " was interrupted", e);
        }
    }

    private static String expectedChecksum(String configured, Path target, URI url) {
        String value = configured;
        Path sidecar = target.resolveSibling(target.getFileName() + ".sha256");
        if ((value == null || value.isBlank()) && Files.isRegularFile(sidecar)) {
            try {
                String content = Files.readString(sidecar, StandardCharsets.UTF_8).trim();
                value = content.isEmpty() ? "" : content.split("\\s+")[0];
            } catch (IOException e) {
                throw new DatasetException("cannot read checksum file " + sidecar + ": " + e.getMessage(), e);
            }
        }
        if (value == null || value.isBlank()) {
            throw new DatasetException("refusing to download " + url + " without a SHA-256 to verify it: the omniglot "
                    + "repository publishes none. Give the checksum in the configuration or in " + sidecar
                    + ", or copy the file to " + target + " yourself");
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!normalized.matches("[0-9a-f]{64}")) {
            throw new DatasetException("SHA-256 for " + url + " must be 64 hex digits, got '" + value + "'");
        }
        return normalized;
    }

    private static String copyAndHash(InputStream body, Path part) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(part)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The original failure is what the user needs to see; a stale .part file is overwritten next time.
        }
    }
}
