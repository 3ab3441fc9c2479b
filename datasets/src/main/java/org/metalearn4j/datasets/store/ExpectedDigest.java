package org.metalearn4j.datasets.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.metalearn4j.core.dataset.DatasetException;

/**
 * The checksum a data file must have, and where that value came from (for messages): a SHA-256 given in the
 * configuration, else one in a {@code <file>.sha256} file beside it ({@code sha256sum} format, first token), else an
 * MD5 published for a file of that name.
 *
 * @param hex    lower-case hex digest
 * @param md5    whether it is an MD5 (else SHA-256)
 * @param source where the value came from, e.g. {@code configured} or {@code from /cache/x.zip.sha256}
 */
public record ExpectedDigest(String hex, boolean md5, String source) {

    /** {@code SHA-256} or {@code MD5}. */
    public String algorithm() {
        return md5 ? "MD5" : "SHA-256";
    }

    /**
     * The checksum {@code target} must have: {@code configured} if given, else its {@code .sha256} sidecar's, else
     * the MD5 {@code publishedMd5} holds for its file name; empty when none of them gives one.
     *
     * @throws DatasetException if a given SHA-256 is not 64 hex digits or the sidecar cannot be read
     */
    public static Optional<ExpectedDigest> of(String configured, Path target, Map<String, String> publishedMd5) {
        String value = configured;
        String source = "configured";
        Path sidecar = sidecar(target);
        if ((value == null || value.isBlank()) && Files.isRegularFile(sidecar)) {
            try {
                String content = Files.readString(sidecar, StandardCharsets.UTF_8).trim();
                value = content.isEmpty() ? "" : content.split("\\s+")[0];
                source = "from " + sidecar;
            } catch (IOException e) {
                throw new DatasetException("cannot read checksum file " + sidecar + ": " + e.getMessage(), e);
            }
        }
        if (value == null || value.isBlank()) {
            String md5 = publishedMd5.get(target.getFileName().toString());
            return md5 == null ? Optional.empty()
                    : Optional.of(new ExpectedDigest(md5, true, "the MD5 torchvision publishes for " + target.getFileName()));
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!normalized.matches("[0-9a-f]{64}")) {
            throw new DatasetException("SHA-256 for " + target + " must be 64 hex digits, got '" + value + "' ("
                    + source + ")");
        }
        return Optional.of(new ExpectedDigest(normalized, false, source));
    }

    /** {@code <target>.sha256}, where a verified SHA-256 is kept. */
    public static Path sidecar(Path target) {
        return target.resolveSibling(target.getFileName() + ".sha256");
    }
}
