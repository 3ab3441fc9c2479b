package org.metalearn4j.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.state.StateDict;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointFileTest {
    @TempDir
    Path dir;

    private static Checkpoint sample(int iteration) {
        StateDict state = new StateDict()
                .put("w", Nd4j.createFromArray(new float[]{1.5f, Float.MIN_VALUE, -0f}))
                .put("m", Nd4j.createFromArray(new double[][]{{Math.PI, -0.0, 1e-300}, {Double.NaN, 2, 3}}))
                .putLongs("rng", Long.MIN_VALUE, 42);
        return new Checkpoint(iteration, state, "{\"seed\":5}", Provenance.current(5));
    }

    private static byte[] bytes(StateDict s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.write(new DataOutputStream(out));
        return out.toByteArray();
    }

    @Test
    void roundTripIsExactAndCarriesConfigAndProvenance() throws IOException {
        Checkpoint c = sample(17);
        Path f = dir.resolve("c.ml4j");
        CheckpointFile.write(f, c);

        Checkpoint back = CheckpointFile.read(f);
        assertThat(back.iteration()).isEqualTo(17);
        assertThat(bytes(back.state())).isEqualTo(bytes(c.state()));
        assertThat(back.configJson()).isEqualTo("{\"seed\":5}");
        assertThat(back.provenance()).isEqualTo(c.provenance());
        assertThat(back.provenance().seed()).isEqualTo(5);
        assertThat(back.provenance().libraries().java()).isEqualTo(System.getProperty("java.version"));
        assertThat(back.provenance().libraries().nd4j()).isEqualTo("1.0.0-M2.1");
        assertThat(back.provenance().libraries().nd4jBackend()).startsWith("nd4jcpu ");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aPipelineArtifactRoundTripsItsKindAndMetricsAndATrainingCheckpointReadsAsALearner() throws IOException {
        Checkpoint c = sample(0);
        Checkpoint artifact = new Checkpoint(0, c.state(), "{}", c.provenance(), null, ArtifactKind.BACKBONE,
                Map.of("loss", 0.25, "acc", 0.5));
        Path f = dir.resolve("artifact.bin");
        String sha = CheckpointFile.write(f, artifact);

        CheckpointFile.Loaded back = CheckpointFile.load(f);
        assertThat(back.sha256()).isEqualTo(sha).hasSize(64);
        assertThat(back.checkpoint().kind()).isEqualTo(ArtifactKind.BACKBONE);
        assertThat(back.checkpoint().metrics()).isEqualTo(artifact.metrics());
        assertThat(bytes(back.checkpoint().state())).isEqualTo(bytes(c.state()));

        CheckpointFile.write(f, c);
        assertThat(CheckpointFile.read(f).kind()).isEqualTo(ArtifactKind.LEARNER);
        assertThat(CheckpointFile.read(f).metrics()).isEmpty();
    }

    @Test
    void aBareStateOfTheOldFormatIsRefusedSayingSoAndHowToRecreateIt() throws IOException {
        Path f = dir.resolve("protonet.state");
        Files.write(f, bytes(sample(1).state()));
        assertThatThrownBy(() -> CheckpointFile.read(f)).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(f + " is a bare parameter state in the old format (\"MLSD\"")
                .hasMessageContaining("Re-create it by training again");
    }

    @Test
    void flippedByteTruncationAndForeignFilesAreReportedWithTheFileName() throws IOException {
        Path f = dir.resolve("c.ml4j");
        CheckpointFile.write(f, sample(1));
        byte[] good = Files.readAllBytes(f);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        Files.write(f, flipped);
        assertThatThrownBy(() -> CheckpointFile.read(f)).isInstanceOf(CheckpointException.class)
                .hasMessage("model file " + f + " is corrupt or truncated: SHA-256 checksum mismatch");

        Files.write(f, Arrays.copyOf(good, good.length - 40));
        assertThatThrownBy(() -> CheckpointFile.read(f)).hasMessageContaining(f.toString())
                .hasMessageContaining("corrupt or truncated");

        Files.write(f, Arrays.copyOf(good, 10));
        assertThatThrownBy(() -> CheckpointFile.read(f)).hasMessageContaining("is truncated");

        Files.writeString(f, "hello, not a checkpoint");
        assertThatThrownBy(() -> CheckpointFile.read(f)).hasMessageContaining("is not a metalearn4j model file");

        assertThatThrownBy(() -> CheckpointFile.read(dir.resolve("none.ml4j"))).hasMessageContaining("does not exist");
    }

    @Test
    void aCheckpointOfTheFirstFormatIsRefusedNamingTheFileAndItsVersion() throws IOException {
        Path f = dir.resolve("ckpt-00000003.ml4j");
        byte[] meta = ("{\"config\":{\"seed\":5},\"provenance\":{\"metalearn4jVersion\":\"dev\","
                + "\"nd4jVersion\":\"1.0.0-M2.1\",\"javaVersion\":\"17\",\"seed\":5,\"gitCommit\":null,"
                + "\"created\":\"2025-01-01T00:00:00Z\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] state = bytes(sample(3).state());
        ChecksummedFile.write(f, out -> {
            out.write(CheckpointFile.MAGIC);
            out.writeInt(1);
            out.writeInt(3);
            out.writeInt(meta.length);
            out.write(meta);
            out.writeLong(state.length);
            out.write(state);
        });
        assertThatThrownBy(() -> CheckpointFile.read(f)).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("model file " + f + " has format version 1; this build reads only version "
                        + CheckpointFile.VERSION);
    }

    @Test
    void storeKeepsTheNewestAndFallsBackPastCorruptOnes() throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        for (int i = 1; i <= 4; i++) {
            store.save(sample(i * 10));
        }
        assertThat(store.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("ckpt-00000030.ml4j", "ckpt-00000040.ml4j");

        Path newest = store.files().get(1);
        Files.write(newest, Arrays.copyOf(Files.readAllBytes(newest), 100));
        CheckpointStore.Loaded loaded = store.latestGood().orElseThrow();
        assertThat(loaded.checkpoint().iteration()).isEqualTo(30);
        assertThat(loaded.skipped()).singleElement().asString().contains(newest.toString());

        Files.writeString(store.files().get(0), "garbage");
        assertThatThrownBy(store::latestGood).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("no good checkpoint");
        assertThat(new CheckpointStore(dir.resolve("empty"), 1).latestGood()).isEmpty();
    }
}
