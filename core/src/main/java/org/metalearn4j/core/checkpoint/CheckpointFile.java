package org.metalearn4j.core.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.state.StateDict;

/**
 * The checkpoint file format and its atomic writing.
 *
 * <pre>
 * "ML4JCKPT"  8 bytes magic
 * int         format version (2)
 * int         iteration
 * int, bytes  metadata JSON (UTF-8): {"config": ..., "provenance": {@link Provenance},
 *                                      "model": {@link ModelDescription} (absent in older files)}
 * long, bytes learner state ({@link StateDict#write})
 * 32 bytes    SHA-256 of everything before it
 * </pre>
 *
 * Written through {@link ChecksummedFile}: a crash leaves either the old file or the complete new one, never a torn
 * one. Version 1 files (provenance without library versions or details) are refused with a message that says so.
 */
public final class CheckpointFile {
    static final byte[] MAGIC = "ML4JCKPT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private CheckpointFile() {
    }

    /** Writes {@code checkpoint} to {@code target} atomically (see {@link ChecksummedFile}). */
    public static void write(Path target, Checkpoint checkpoint) {
        try {
            ChecksummedFile.write(target, out -> encode(out, checkpoint));
        } catch (IOException e) {
            throw new CheckpointException(IoReason.describe("cannot write checkpoint", target, e), e);
        }
    }

    /**
     * Reads and verifies a checkpoint.
     *
     * @throws CheckpointException naming the file if it is missing, truncated, fails its checksum or is not a
     *                             checkpoint
     */
    public static Checkpoint read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + file + " does not exist", e);
        } catch (IOException e) {
            throw new CheckpointException(IoReason.describe("cannot read checkpoint", file, e), e);
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointException(file + " is not a metalearn4j checkpoint (wrong magic bytes)");
        }
        if (bytes.length < MAGIC.length + ChecksummedFile.DIGEST_BYTES + 12) {
            throw new CheckpointException("checkpoint " + file + " is truncated (" + bytes.length + " bytes)");
        }
        int version = ByteBuffer.wrap(bytes, MAGIC.length, Integer.BYTES).getInt();
        if (version != VERSION) {
            throw new CheckpointException("checkpoint " + file + " has format version " + version + "; this build"
                    + " reads only version " + VERSION + " (whose provenance records library versions), so it cannot"
                    + " resume from it: start a new run directory");
        }
        int body = bytes.length - ChecksummedFile.DIGEST_BYTES;
        if (!ChecksummedFile.verify(bytes)) {
            throw new CheckpointException("checkpoint " + file + " is corrupt or truncated: SHA-256 checksum mismatch");
        }
        try {
            int start = MAGIC.length + Integer.BYTES;
            return decode(new DataInputStream(new ByteArrayInputStream(bytes, start, body - start)));
        } catch (EOFException e) {
            throw new CheckpointException("checkpoint " + file + " is truncated inside its body", e);
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    private static void encode(DataOutputStream out, Checkpoint c) throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        meta.set("config", JSON.readTree(c.configJson()));
        meta.set("provenance", JSON.valueToTree(c.provenance()));
        if (c.model() != null) {
            meta.set("model", JSON.valueToTree(c.model()));
        }
        byte[] metaBytes = JSON.writeValueAsBytes(meta);
        ByteArrayOutputStream stateBytes = new ByteArrayOutputStream();
        try (DataOutputStream s = new DataOutputStream(stateBytes)) {
            c.state().write(s);
        }
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(c.iteration());
        out.writeInt(metaBytes.length);
        out.write(metaBytes);
        out.writeLong(stateBytes.size());
        stateBytes.writeTo(out);
    }

    private static Checkpoint decode(DataInputStream in) throws IOException {
        int iteration = in.readInt();
        int metaLen = in.readInt();
        if (metaLen < 0 || metaLen > in.available()) {
            throw new IOException("metadata length " + metaLen + " exceeds the file");
        }
        JsonNode meta = JSON.readTree(in.readNBytes(metaLen));
        long stateLen = in.readLong();
        if (stateLen != in.available()) {
            throw new IOException("state length " + stateLen + " does not match the " + in.available()
                    + " bytes present");
        }
        StateDict state = StateDict.read(in);
        Provenance provenance = JSON.treeToValue(meta.get("provenance"), Provenance.class);
        ModelDescription model = meta.hasNonNull("model") ? JSON.treeToValue(meta.get("model"),
                ModelDescription.class) : null;
        return new Checkpoint(iteration, state, meta.get("config").toString(), provenance, model);
    }
}
