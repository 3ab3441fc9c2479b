package org.metalearn4j.core.checkpoint;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Files that end with a SHA-256 of everything before it and are replaced atomically: the body goes to a temporary
 * sibling, is forced to disk, renamed over the target and the directory is forced. A crash leaves the old file or the
 * complete new one, and a torn or altered file fails {@link #verify}. Checkpoints and pipeline artifacts share it.
 */
public final class ChecksummedFile {
    /** Length of the SHA-256 trailer. */
    public static final int DIGEST_BYTES = 32;

    private ChecksummedFile() {
    }

    /** Writes the body of a file; the trailer is appended by {@link #write}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * Writes {@code body} plus its SHA-256 to {@code target} atomically and durably, streaming (the body is never held
     * in memory as a whole).
     *
     * @return the hex SHA-256 stored in the file
     * @throws IOException the cause, after removing the temporary file
     */
    public static String write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // A fixed name: a write killed half-way leaves one stale temp file, replaced by the next write.
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            MessageDigest sha = sha256();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                // Not closed: closing would close the channel before the checksum is appended.
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        new DigestOutputStream(Channels.newOutputStream(ch), sha)));
                body.writeTo(out);
                out.flush();
                ByteBuffer digest = ByteBuffer.wrap(sha.digest());
                String hex = HexFormat.of().formatHex(digest.array());
                while (digest.hasRemaining()) {
                    ch.write(digest);
                }
                ch.force(true);
                ch.close();
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                forceDirectory(dir);
                return hex;
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The original failure is the one worth reporting.
            }
            throw e;
        }
    }

    /** True when {@code bytes} ends with the SHA-256 of everything before it. */
    public static boolean verify(byte[] bytes) {
        int body = bytes.length - DIGEST_BYTES;
        return body >= 0 && MessageDigest.isEqual(Arrays.copyOfRange(bytes, body, bytes.length),
                sha256(bytes, body));
    }

    private static byte[] sha256(byte[] bytes, int length) {
        MessageDigest sha = sha256();
        sha.update(bytes, 0, length);
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename itself durable; some file systems refuse to open directories, where rename is durable.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Best effort, see above.
        }
    }
}
