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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.state.StateDict;

/**
 * The model file format, one for everything that trains ({@code metalearn train} checkpoints, pipeline stage
 * artifacts, the example applications' saved models), and its atomic writing.
 *
 * <pre>
 * "ML4JCKPT"  8 bytes magic
 * int         format version (2)
 * int         iteration
 * int, bytes  metadata JSON (UTF-8): {"config": ..., "provenance": {@link Provenance},
 *                                      "model": {@link ModelDescription} (absent where unknown),
 *                                      "kind": {@link ArtifactKind} (absent: LEARNER),
 *                                      "metrics": {name: value} (absent: none)}
 * long, bytes state ({@link StateDict#write})
 * 32 bytes    SHA-256 of everything before it
 * </pre>
 *
 * Written through {@link ChecksummedFile}: a crash leaves either the old file or the complete new one, never a torn
 * one. Version 1 files (provenance without library versions or details) and the formats used before this one (the
 * pipeline's "MLAF" artifacts, bare parameter states) are refused with a message that says how to re-create them.
 */
public final class CheckpointFile {
    static final byte[] MAGIC = "ML4JCKPT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    private static final int OLD_ARTIFACT_MAGIC = 0x4D4C4146; // "MLAF": pipeline artifacts before this format
    private static final int BARE_STATE_MAGIC = 0x4D4C5344; // "MLSD": a StateDict written alone
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private CheckpointFile() {
    }

    /**
     * Writes {@code checkpoint} to {@code target} atomically (see {@link ChecksummedFile}).
     *
     * @return the hex SHA-256 stored in the file (as {@link Loaded#sha256()})
     */
    public static String write(Path target, Checkpoint checkpoint) {
        try {
            return ChecksummedFile.write(target, out -> encode(out, checkpoint));
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
        return load(file).checkpoint();
    }

    /**
     * A model file read back, with the checksum identifying its content.
     *
     * @param sha256 the hex SHA-256 stored in the file
     */
    public record Loaded(Checkpoint checkpoint, String sha256) {
    }

    /** As {@link #read}, with the file's content checksum (a pipeline ties each stage to its input's). */
    public static Loaded load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("model file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new CheckpointException(IoReason.describe("cannot read checkpoint", file, e), e);
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointException(foreign(file, bytes));
        }
        if (bytes.length < MAGIC.length + ChecksummedFile.DIGEST_BYTES + 12) {
            throw new CheckpointException("model file " + file + " is truncated (" + bytes.length + " bytes)");
        }
        int version = ByteBuffer.wrap(bytes, MAGIC.length, Integer.BYTES).getInt();
        if (version != VERSION) {
            throw new CheckpointException("model file " + file + " has format version " + version + "; this build"
                    + " reads only version " + VERSION + " (whose provenance records library versions), so it cannot"
                    + " resume from it: start a new run directory");
        }
        int body = bytes.length - ChecksummedFile.DIGEST_BYTES;
        if (!ChecksummedFile.verify(bytes)) {
            throw new CheckpointException("model file " + file + " is corrupt or truncated: SHA-256 checksum mismatch");
        }
        try {
            int start = MAGIC.length + Integer.BYTES;
            return new Loaded(decode(new DataInputStream(new ByteArrayInputStream(bytes, start, body - start))),
                    HexFormat.of().formatHex(bytes, body, bytes.length));
        } catch (EOFException e) {
            throw new CheckpointException("model file " + file + " is truncated inside its body", e);
        } catch (IOException e) {
            throw new CheckpointException("model file " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    /** Why {@code bytes} are not a model file; an older format of this project says how to re-create the file. */
    private static String foreign(Path file, byte[] bytes) {
        int magic = bytes.length < Integer.BYTES ? 0 : ByteBuffer.wrap(bytes, 0, Integer.BYTES).getInt();
        if (magic == OLD_ARTIFACT_MAGIC) {
            return file + " is a pipeline stage artifact in the old format (\"MLAF\"), which this build no longer"
                    + " reads: model files are \"ML4JCKPT\" files now. Re-create it by running the pipeline again"
                    + " into a new directory (metalearn pipeline SPEC --out NEW_DIR)";
        }
        if (magic == BARE_STATE_MAGIC) {
            return file + " is a bare parameter state in the old format (\"MLSD\", e.g. a ClassifyCharacters"
                    + " .state file), which records no learner or configuration: model files are \"ML4JCKPT\""
                    + " files now. Re-create it by training again (ClassifyCharacters --model FILE.ml4j)";
        }
        return file + " is not a metalearn4j model file (wrong magic bytes; expected \"ML4JCKPT\" as written by"
                + " metalearn train, metalearn pipeline or an example application)";
    }

    private static void encode(DataOutputStream out, Checkpoint c) throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        meta.set("config", JSON.readTree(c.configJson()));
        meta.set("provenance", JSON.valueToTree(c.provenance()));
        if (c.model() != null) {
            meta.set("model", JSON.valueToTree(c.model()));
        }
        if (c.kind() != ArtifactKind.LEARNER) {
            meta.put("kind", c.kind().name());
        }
        if (!c.metrics().isEmpty()) {
            meta.set("metrics", JSON.valueToTree(new TreeMap<>(c.metrics())));
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
        ArtifactKind kind = meta.hasNonNull("kind") ? kind(meta.get("kind").asText()) : ArtifactKind.LEARNER;
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (meta.hasNonNull("metrics")) {
            meta.get("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        }
        return new Checkpoint(iteration, state, meta.get("config").toString(), provenance, model, kind, metrics);
    }

    private static ArtifactKind kind(String name) throws IOException {
        try {
            return ArtifactKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown kind '" + name + "', expected one of " + Arrays.toString(
                    ArtifactKind.values()), e);
        }
    }
}
