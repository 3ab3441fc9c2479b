package org.metalearn4j.transfer.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.state.StateDict;

/**
 * Saves and loads a pipeline {@link Artifact} as one file: a header (kind, metrics, provenance) followed by the exact
 * binary {@link StateDict}. The kind comes first so a validator can read it without loading the parameters.
 */
public final class ArtifactFiles {
    private static final int MAGIC = 0x4D4C4146; // "MLAF"
    private static final int VERSION = 1;

    private ArtifactFiles() {
    }

    /** Writes atomically (temp file + move) so a crash never leaves a half-written artifact behind. */
    public static void write(Path file, Artifact artifact) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                writeString(out, artifact.kind().name());
                out.writeInt(artifact.metrics().size());
                for (Map.Entry<String, Double> e : artifact.metrics().entrySet()) {
                    writeString(out, e.getKey());
                    out.writeDouble(e.getValue());
                }
                out.writeInt(artifact.provenance().size());
                for (Map.Entry<String, String> e : artifact.provenance().entrySet()) {
                    writeString(out, e.getKey());
                    writeString(out, e.getValue());
                }
                artifact.state().write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write artifact " + file + ": " + e.getMessage(), e);
        }
    }

    public static Artifact read(Path file) {
        try (DataInputStream in = open(file)) {
            ArtifactKind kind = readKind(in, file);
            Map<String, Double> metrics = new LinkedHashMap<>();
            int nm = readCount(in, file, "metrics");
            for (int i = 0; i < nm; i++) {
                metrics.put(readString(in), in.readDouble());
            }
            Map<String, String> provenance = new LinkedHashMap<>();
            int np = readCount(in, file, "provenance");
            for (int i = 0; i < np; i++) {
                provenance.put(readString(in), readString(in));
            }
            return new Artifact(kind, StateDict.read(in), metrics, provenance);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + file + ": " + e.getMessage(), e);
        }
    }

    /** Only the header's kind; used to validate a pipeline that starts from a saved artifact. */
    public static ArtifactKind readKind(Path file) {
        try (DataInputStream in = open(file)) {
            return readKind(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read artifact " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
    }

    private static ArtifactKind readKind(DataInputStream in, Path file) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException(file + " is not a metalearn4j artifact (magic 0x" + Integer.toHexString(magic) + ")");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(file + ": unsupported artifact version " + version + ", this build reads " + VERSION);
        }
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
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }
}
