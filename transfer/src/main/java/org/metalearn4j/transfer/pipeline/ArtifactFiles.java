package org.metalearn4j.transfer.pipeline;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.metalearn4j.core.checkpoint.ChecksummedFile;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.state.StateDict;

/**
 * Saves and loads a pipeline {@link Artifact} as one file:
 *
 * <pre>
 * int         magic "MLAF"
 * int         format version (3)
 * header      kind, metrics (sorted by name), {@link Provenance} as JSON
 * state       the exact binary {@link StateDict}
 * 32 bytes    SHA-256 of everything before it
 * </pre>
 *
 * The kind comes first so a validator can read it without loading the parameters. Files of versions 1 and 2 (whose
 * provenance was a bare string map without library versions) are refused with a message naming the file and its
 * version. Files are written through {@link ChecksummedFile}, so an interrupted write leaves the previous file or
 * none, never a torn one that could pass for a finished stage.
 */
public final class ArtifactFiles {
    private static final int MAGIC = 0x4D4C4146; // "MLAF"
    private static final int VERSION = 3;
    private static final int PREAMBLE_BYTES = 8;

    private ArtifactFiles() {
    }

    /**
     * An artifact read back from its file, with the file's content checksum.
     *
     * @param sha256 hex SHA-256 identifying the file's content (its stored checksum)
     */
    public record Loaded(Artifact artifact, String sha256) {
    }

    /**
     * Writes atomically and durably (see {@link ChecksummedFile}); returns the hex SHA-256 stored in the file (as
     * {@link Loaded#sha256}).
     */
    public static String write(Path file, Artifact artifact) {
        try {
            return ChecksummedFile.write(file, out -> writeBody(out, artifact));
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot write artifact", file, e), e);
        }
    }

    /** The artifact in {@code file}; fails naming the file if it is missing, truncated or fails its checksum. */
    public static Artifact read(Path file) {
        return load(file).artifact();
    }

    /** As {@link #read}, with the content checksum (which the pipeline records to tie a stage to its input). */
    public static Loaded load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("artifact " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot read artifact", file, e), e);
        }
        try {
            checkVersion(new DataInputStream(new ByteArrayInputStream(bytes)), file);
        } catch (EOFException e) {
            throw new UncheckedIOException("artifact " + file + " is truncated (" + bytes.length + " bytes)", e);
        } catch (IOException e) {
            // the message names the file and what is wrong with its preamble
            throw new UncheckedIOException(e.getMessage(), e);
        }
        int end = bytes.length - ChecksummedFile.DIGEST_BYTES;
        if (end < PREAMBLE_BYTES || !ChecksummedFile.verify(bytes)) {
            String why = "artifact " + file + " is corrupt or truncated: SHA-256 checksum mismatch";
            throw new UncheckedIOException(why, new IOException(why));
        }
        // the stored trailer is the SHA-256 of the body
        String sha256 = HexFormat.of().formatHex(bytes, end, bytes.length);
        ByteArrayInputStream body = new ByteArrayInputStream(bytes, PREAMBLE_BYTES, end - PREAMBLE_BYTES);
        try {
            Artifact artifact = readBody(new DataInputStream(body), file);
            if (body.available() != 0) {
                throw new IOException(body.available() + " unexpected bytes after the state");
            }
            return new Loaded(artifact, sha256);
        } catch (IOException e) {
            String why = e instanceof EOFException ? "truncated" : e.getMessage();
            throw new UncheckedIOException("artifact " + file + " is malformed: " + why, e);
        }
    }

    /** Only the header's kind; used to validate a pipeline that starts from a saved artifact. */
    public static ArtifactKind readKind(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            checkVersion(in, file);
            return readKind(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot read artifact", file, e), e);
        }
    }

    private static void writeBody(DataOutputStream out, Artifact artifact) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeString(out, artifact.kind().name());
        Map<String, Double> metrics = new TreeMap<>(artifact.metrics());
        out.writeInt(metrics.size());
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            writeString(out, e.getKey());
            out.writeDouble(e.getValue());
        }
        writeString(out, ConfigMappers.json().writeValueAsString(artifact.provenance()));
        artifact.state().write(out);
    }

    private static Artifact readBody(DataInputStream in, Path file) throws IOException {
        ArtifactKind kind = readKind(in, file);
        Map<String, Double> metrics = new LinkedHashMap<>();
        int nm = readCount(in, file, "metrics");
        for (int i = 0; i < nm; i++) {
            metrics.put(readString(in), in.readDouble());
        }
        Provenance provenance = ConfigMappers.json().readValue(readString(in), Provenance.class);
        return new Artifact(kind, StateDict.read(in), metrics, provenance);
    }

    private static void checkVersion(DataInputStream in, Path file) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException(file + " is not a metalearn4j artifact (magic 0x" + Integer.toHexString(magic) + ")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(file + " has artifact format version " + version + "; this build reads only version "
                    + VERSION + (version < VERSION ? " (older provenance lacks library versions): rerun the stage"
                    + " that wrote it" : ""));
        }
    }

    private static ArtifactKind readKind(DataInputStream in, Path file) throws IOException {
        String kind = readString(in);
        try {
            return ArtifactKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": unknown artifact kind '" + kind + "'", e);
        }
    }

    private static int readCount(DataInputStream in, Path file, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException(file + ": corrupt " + what + " count " + n);
        }
        return n;
    }

    // writeUTF caps strings at 64 KiB; configs with nested provenance can be longer.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > 1 << 26) {
            throw new IOException("corrupt string length " + len);
        }
        byte[] b = in.readNBytes(len);
        if (b.length != len) {
            throw new EOFException("string of " + len + " bytes cut short");
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
