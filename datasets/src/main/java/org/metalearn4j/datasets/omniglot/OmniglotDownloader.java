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
import java.util.Map;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.datasets.store.ExpectedDigest;

/**
 * Downloads the full Omniglot archives into the cache directory, verifying each before it is kept. The expected
 * SHA-256 comes from the configuration or from a {@code <file>.sha256} file next to the target (first token,
 * {@code sha256sum} format). Without one, the two official archives are checked against the MD5 values that
 * torchvision's {@code Omniglot} dataset has pinned for years (the omniglot repository itself publishes no checksums),
 * and the SHA-256 of the verified file is then written to {@code <file>.sha256} so later runs verify with it. Any other
 * file without a checksum is refused rather than trusted blindly. The file is written to {@code <file>.part} and moved
 * into place only when the checksum matches.
 */
public final class OmniglotDownloader {
    /** Official location of the background set (964 characters, 30 alphabets). */
    public static final URI BACKGROUND =
            URI.create("https://raw.githubusercontent.com/brendenlake/omniglot/master/python/images_background.zip");
    /** Official location of the evaluation set (659 characters, 20 alphabets). */
    public static final URI EVALUATION =
            URI.create("https://raw.githubusercontent.com/brendenlake/omniglot/master/python/images_evaluation.zip");

    /** MD5 of the official archives as pinned by torchvision.datasets.Omniglot ({@code zips_md5}). */
    static final Map<String, String> PUBLISHED_MD5 = Map.of(
            "images_background.zip", "68d2efa1b9178cc56df9314c21c6e718",
            "images_evaluation.zip", "6b91aef0f799c5bb55b94e3f2daec811");

    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, String> knownMd5;

    public OmniglotDownloader() {
        this(Duration.ofSeconds(30));
    }

    /** @param timeout connection and response-header timeout */
    public OmniglotDownloader(Duration timeout) {
        this(timeout, PUBLISHED_MD5);
    }

    OmniglotDownloader(Duration timeout, Map<String, String> knownMd5) {
        this.timeout = timeout;
        this.knownMd5 = Map.copyOf(knownMd5);
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Downloads {@code url} to {@code target} unless it is already there.
     *
     * @param expectedSha256 hex SHA-256 of the file, or null/blank to read it from {@code <target>.sha256} or, for
     *                       the official archives, to verify against their published MD5
     * @return {@code target}
     * @throws DatasetException naming the URL and the cache path when offline, on an HTTP error, without a checksum,
     *                          or on a checksum mismatch (in which case nothing is kept)
     */
    public Path fetch(URI url, Path target, String expectedSha256) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        ExpectedDigest expected = ExpectedDigest.of(expectedSha256, target, knownMd5).orElseThrow(() ->
                new DatasetException("refusing to download " + url + " without a SHA-256 to verify it: the omniglot "
                        + "repository publishes none. Give the checksum in the configuration or in "
                        + ExpectedDigest.sidecar(target) + ", or copy the file to " + target + " yourself"));
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Digests actual;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DatasetException(url + " answered HTTP " + response.statusCode()
                            + "; nothing was saved to "
                            + target);
                }
                actual = copyAndHash(body, part);
            }
            String got = expected.md5() ? actual.md5() : actual.sha256();
            if (!got.equals(expected.hex())) {
                Files.deleteIfExists(part);
                throw new DatasetException((expected.md5() ? "MD5" : "SHA-256") + " mismatch for " + url + ": expected "
                        + expected.hex() + " (" + expected.source() + "), got " + got
                        + "; the download was discarded and not kept in " + target.getParent());
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (expected.md5()) {
                Files.writeString(ExpectedDigest.sidecar(target), actual.sha256() + "  " + target.getFileName() + "\n",
                        StandardCharsets.UTF_8);
            }
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

    private record Digests(String sha256, String md5) {
    }

    private static Digests copyAndHash(InputStream body, Path part) throws IOException {
        MessageDigest digest;
        MessageDigest md5;
        try {
            digest = MessageDigest.getInstance("SHA-256");
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256 and MD5", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(part)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                md5.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return new Digests(HexFormat.of().formatHex(digest.digest()), HexFormat.of().formatHex(md5.digest()));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The original failure is what the user needs to see; a stale .part file is overwritten next time.
        }
    }
}
