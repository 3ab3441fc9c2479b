package org.metalearn4j.datasets.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.metalearn4j.core.dataset.DatasetException;
import org.metalearn4j.core.io.IoReason;

/**
 * Checks a cached data file against its {@link ExpectedDigest} every time it is used. Hashing a large archive on every
 * run would cost seconds, so the verified digest is remembered in a hidden file beside it,
 * {@code .<file>.verified}, with the file's size and modification time: while both are unchanged (and the expected
 * digest is the same) the file is not hashed again. A file replaced or altered in place changes its size or time and
 * is hashed afresh; a directory the record cannot be written to only costs the hashing.
 */
public final class VerifiedFile {
    private VerifiedFile() {
    }

    /**
     * Fails unless {@code file}'s digest is {@code expected}'s.
     *
     * @throws DatasetException naming the file, both digests and where the expected one came from
     */
    public static void require(Path file, ExpectedDigest expected) {
        Path record = record(file);
        String stamp;
        try {
            stamp = expected.algorithm() + " " + expected.hex() + " " + Files.size(file) + " "
                    + Files.getLastModifiedTime(file).toMillis();
            if (Files.isRegularFile(record) && Files.readString(record, StandardCharsets.UTF_8).strip().equals(stamp)) {
                return;
            }
        } catch (IOException e) {
            throw new DatasetException(IoReason.describe("cannot read", file, e), e);
        }
        String actual = digest(file, expected.algorithm());
        if (!actual.equals(expected.hex())) {
            throw new DatasetException(file + " is corrupt or not the expected file: its " + expected.algorithm()
                    + " is " + actual + ", expected " + expected.hex() + " (" + expected.source() + "). Delete it and"
                    + " copy or download it again (download: true), or correct the checksum");
        }
        try {
            Files.writeString(record, stamp + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // A read-only cache directory: the next run hashes the file again, which is only slower.
        }
    }

    /** The hex digest of {@code file}. */
    public static String digest(Path file, String algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new DatasetException(IoReason.describe("cannot read", file, e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }

    private static Path record(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".verified");
    }
}
