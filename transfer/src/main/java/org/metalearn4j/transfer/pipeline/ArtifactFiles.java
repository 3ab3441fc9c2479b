package org.metalearn4j.transfer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;

/**
 * Saves and loads a pipeline {@link Artifact} as a model file ({@link CheckpointFile}, the format of training
 * checkpoints): its kind, metrics, provenance, model description and configuration in the metadata, its state as the
 * exact binary state dictionary, and a SHA-256 trailer. A LEARNER artifact is therefore usable wherever a trained model
 * is ({@code metalearn eval}, {@code metalearn export}, {@code FewShotModel.load}), and a training checkpoint can start
 * a pipeline. Files are written atomically, so an interrupted write leaves the previous file or none, never a torn one
 * that could pass for a finished stage; artifacts of the format used before are refused with a message naming the
 * file and how to re-create it.
 */
public final class ArtifactFiles {
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
     * Writes atomically and durably; returns the hex SHA-256 stored in the file (as {@link Loaded#sha256}).
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static String write(Path file, Artifact artifact) {
        try {
            return CheckpointFile.write(file, artifact.toCheckpoint());
        } catch (CheckpointException e) {
            IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw new UncheckedIOException(IoReason.describe("cannot write artifact", file, cause), cause);
        }
    }

    /** The artifact in {@code file}; fails naming the file if it is missing, truncated or fails its checksum. */
    public static Artifact read(Path file) {
        return load(file).artifact();
    }

    /** As {@link #read}, with the content checksum (which the pipeline records to tie a stage to its input). */
    public static Loaded load(Path file) {
        try {
            CheckpointFile.Loaded loaded = CheckpointFile.load(file);
            return new Loaded(Artifact.of(loaded.checkpoint()), loaded.sha256());
        } catch (CheckpointException e) {
            throw new UncheckedIOException(e.getMessage(), new IOException(e.getMessage(), e));
        }
    }

    /** The artifact's kind; used to validate a pipeline that starts from a saved artifact. */
    public static ArtifactKind readKind(Path file) {
        return read(file).kind();
    }
}
