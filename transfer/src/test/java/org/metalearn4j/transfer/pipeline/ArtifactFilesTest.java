package org.metalearn4j.transfer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.ChecksummedFile;
import org.metalearn4j.core.checkpoint.LibraryVersions;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.factory.Nd4j;

class ArtifactFilesTest {
    @TempDir
    Path dir;

    private static Artifact sample() {
        StateDict state = new StateDict().put("w", Nd4j.createFromArray(1.5f, -2f, 3f)).putLongs("n", 7);
        Provenance provenance = new Provenance(new LibraryVersions("0.1.0", "1.0.0-M2.1", "nd4jcpu linux-x86_64", "17"),
                null, "2026-01-02T03:04:05Z", 11, Map.of("stage", "pretrain", "backbone", "mlp"));
        return new Artifact(ArtifactKind.BACKBONE, state, Map.of("loss", 0.25, "acc", 0.5), provenance);
    }

    @Test
    void roundTripsExactlyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a").resolve("artifact.bin");
        String sha = ArtifactFiles.write(file, sample());
        ArtifactFiles.Loaded loaded = ArtifactFiles.load(file);
        assertThat(loaded.sha256()).isEqualTo(sha).hasSize(64);
        assertThat(loaded.artifact().kind()).isEqualTo(ArtifactKind.BACKBONE);
        assertThat(loaded.artifact().metrics()).isEqualTo(sample().metrics());
        assertThat(loaded.artifact().provenance()).isEqualTo(sample().provenance());
        assertThat(loaded.artifact().state().get("w")).isEqualTo(sample().state().get("w"));
        assertThat(loaded.artifact().state().getLongs("n")).containsExactly(7);
        assertThat(ArtifactFiles.readKind(file)).isEqualTo(ArtifactKind.BACKBONE);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        // Metrics and details are written sorted, so the same artifact always gives the same bytes and checksum.
        assertThat(ArtifactFiles.write(dir.resolve("b.bin"), sample())).isEqualTo(sha);
    }

    @Test
    void aFlippedByteOrATruncationFailsTheChecksumNamingTheFile() throws IOException {
        Path file = dir.resolve("artifact.bin");
        ArtifactFiles.write(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ArtifactFiles.read(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("model file " + file + " is corrupt or truncated: SHA-256 checksum mismatch");

        Files.write(file, Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> ArtifactFiles.read(file)).hasMessage("model file " + file + " is truncated (20 bytes)");
        assertThatThrownBy(() -> ArtifactFiles.read(dir.resolve("gone.bin")))
                .hasMessage("model file " + dir.resolve("gone.bin") + " does not exist");
    }

    @Test
    void artifactsAreModelFilesThatATrainingCheckpointReaderReads() {
        Path file = dir.resolve("artifact.bin");
        ArtifactFiles.write(file, sample());
        Checkpoint read = CheckpointFile.read(file);
        assertThat(read.kind()).isEqualTo(ArtifactKind.BACKBONE);
        assertThat(read.metrics()).isEqualTo(sample().metrics());
        assertThat(read.state().get("w")).isEqualTo(sample().state().get("w"));
    }

    @Test
    void artifactsOfTheOldFormatAreRefusedNamingTheFileAndHowToRecreateThem() throws IOException {
        for (int version : new int[] {1, 2, 3}) {
            Path file = dir.resolve("v" + version + ".bin");
            ChecksummedFile.write(file, out -> {
                out.writeInt(0x4D4C4146);
                out.writeInt(version);
                byte[] kind = "MODEL".getBytes(StandardCharsets.UTF_8);
                out.writeInt(kind.length);
                out.write(kind);
                out.writeInt(0);
                out.writeInt(0);
                new StateDict().putScalar("b", 2.0).write(out);
            });
            assertThatThrownBy(() -> ArtifactFiles.load(file)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith(file + " is a pipeline stage artifact in the old format (\"MLAF\")")
                    .hasMessageContaining("running the pipeline again into a new directory");
            assertThatThrownBy(() -> ArtifactFiles.readKind(file)).hasMessageContaining("old format");
        }
    }
}
