package org.metalearn4j.transfer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.ChecksummedFile;
import org.metalearn4j.core.checkpoint.LibraryVersions;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.state.StateDict;

/** Stage-level resume: finished stages are reused only while they are intact and made exactly as this run would. */
class PipelineResumeTest {
    private static final String THREE_STAGES = """
            seed: 5
            stages:
              - stage: add
                config: {amount: 2.5}
              - stage: add
                config: {amount: %s}
              - stage: score
            """;

    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.of("test", new FakeStages.Add(), new FakeStages.Score());
    private RecordingPublisher recorded;

    @BeforeEach
    void reset() {
        FakeStages.RUNS.set(0);
        FakeStages.SCORE_FAILS.set(false);
    }

    @AfterEach
    void clearFailure() {
        FakeStages.SCORE_FAILS.set(false);
    }

    private List<Artifact> run(String amount, boolean resume) {
        recorded = new RecordingPublisher();
        Pipeline p = new PipelineValidator(registry).validate(PipelineSpecReader.parse(THREE_STAGES.formatted(amount)));
        return new PipelineRunner(registry, recorded).run(p, dir, resume);
    }

    private Path artifact(String label) {
        return dir.resolve(label).resolve(PipelineRunner.ARTIFACT_FILE);
    }

    @Test
    void resumeReusesEveryFinishedStageWithoutRunningIt() {
        List<Artifact> first = run("1", false);
        assertThat(FakeStages.RUNS.get()).isEqualTo(3);

        List<Artifact> again = run("1", true);
        assertThat(FakeStages.RUNS.get()).isEqualTo(3);
        assertThat(recorded.events).containsExactly("reused 0-add 1/3", "reused 1-add 2/3", "reused 2-score 3/3");
        assertThat(again.get(2).metrics()).isEqualTo(first.get(2).metrics()).containsEntry("score", 3.5);
        assertThat(again.get(1).provenance()).isEqualTo(first.get(1).provenance());
    }

    @Test
    void aCrashedStageIsTheOnlyWorkLostAndResumeContinuesFromIt() {
        FakeStages.SCORE_FAILS.set(true);
        assertThatThrownBy(() -> run("1", false)).hasMessage("stage 2-score failed: score interrupted (the artifacts"
                + " of the stages before it are kept and reused on resume)");
        assertThat(artifact("1-add")).isRegularFile();
        assertThat(artifact("2-score")).doesNotExist();

        FakeStages.SCORE_FAILS.set(false);
        FakeStages.RUNS.set(0);
        List<Artifact> out = run("1", true);
        assertThat(FakeStages.RUNS.get()).isEqualTo(1);
        assertThat(recorded.events).containsExactly("reused 0-add 1/3", "reused 1-add 2/3", "reruns 2-score",
                "started 2-score 3/3", "finished 2-score 3/3");
        assertThat(recorded.reasons).containsExactly("no saved artifact " + artifact("2-score"));
        assertThat(out.get(2).metrics()).containsEntry("score", 3.5);
    }

    @Test
    void aChangedConfigReRunsThatStageAndEveryStageAfterIt() {
        run("1", false);
        FakeStages.RUNS.set(0);
        List<Artifact> out = run("4", true);
        assertThat(FakeStages.RUNS.get()).isEqualTo(2);
        assertThat(recorded.events).startsWith("reused 0-add 1/3", "reruns 1-add", "started 1-add 2/3");
        assertThat(recorded.events).contains("started 2-score 3/3").doesNotContain("reruns 2-score");
        assertThat(recorded.reasons).singleElement().asString()
                .contains(artifact("1-add").toString()).contains("stage.config differs")
                .contains("\"amount\":1.0").contains("\"amount\":4.0");
        assertThat(out.get(2).metrics()).containsEntry("score", 6.5);
        assertThat(ArtifactFiles.read(artifact("2-score")).metrics()).containsEntry("score", 6.5);
    }

    @Test
    void aChangedSeedReRunsEveryStage() {
        run("1", false);
        FakeStages.RUNS.set(0);
        recorded = new RecordingPublisher();
        Pipeline p = new PipelineValidator(registry).validate(PipelineSpecReader.parse(
                THREE_STAGES.formatted("1").replace("seed: 5", "seed: 6")));
        new PipelineRunner(registry, recorded).run(p, dir, true);
        assertThat(FakeStages.RUNS.get()).isEqualTo(3);
        assertThat(recorded.reasons).singleElement().asString().contains("seed was");
    }

    @Test
    void aCorruptArtifactIsReportedByFileNameAndReRun() throws IOException {
        run("1", false);
        Path file = artifact("1-add");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        FakeStages.RUNS.set(0);

        List<Artifact> out = run("1", true);
        assertThat(FakeStages.RUNS.get()).isEqualTo(2);
        assertThat(recorded.events).startsWith("reused 0-add 1/3", "reruns 1-add", "started 1-add 2/3");
        assertThat(recorded.reasons).containsExactly(
                "model file " + file + " is corrupt or truncated: SHA-256 checksum mismatch");
        assertThat(out.get(2).metrics()).containsEntry("score", 3.5);
        assertThat(ArtifactFiles.read(file).state().getScalar("w")).isEqualTo(3.5);
    }

    @Test
    void anArtifactOfTheOldFormatIsReportedAsSuchAndReRun() throws IOException {
        run("1", false);
        Path file = artifact("1-add");
        // The preamble of the pipeline's own artifact format used before model files (its body no longer matters).
        ChecksummedFile.write(file, out -> {
            out.writeInt(0x4D4C4146);
            out.writeInt(3);
            new StateDict().putScalar("w", 1.0).write(out);
        });
        FakeStages.RUNS.set(0);

        run("1", true);
        assertThat(FakeStages.RUNS.get()).isEqualTo(2);
        assertThat(recorded.events).startsWith("reused 0-add 1/3", "reruns 1-add", "started 1-add 2/3");
        assertThat(recorded.reasons).singleElement().asString()
                .startsWith(file + " is a pipeline stage artifact in the old format (\"MLAF\")");
        assertThat(ArtifactFiles.read(file).provenance().libraries()).isEqualTo(LibraryVersions.current());
    }

    @Test
    void aReplacedInputArtifactInvalidatesTheStagesBuiltOnIt() {
        run("1", false);
        // Stage 0's artifact swapped for one with equal provenance but other weights: stage 0 itself still matches,
        // stage 1 no longer does because its input's checksum changed.
        Artifact zero = ArtifactFiles.read(artifact("0-add"));
        zero.state().putScalar("w", 100.0);
        ArtifactFiles.write(artifact("0-add"), zero);
        FakeStages.RUNS.set(0);

        List<Artifact> out = run("1", true);
        assertThat(FakeStages.RUNS.get()).isEqualTo(2);
        assertThat(recorded.reasons).singleElement().asString()
                .contains(artifact("1-add").toString()).contains("its input artifact differs");
        assertThat(out.get(2).metrics()).containsEntry("score", 101.0);
    }

    @Test
    void aRunDirectoryWithArtifactsIsRefusedWithoutResume() {
        run("1", false);
        FakeStages.RUNS.set(0);
        assertThatThrownBy(() -> run("1", false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("run directory " + dir + " already holds stage artifacts")
                .hasMessageContaining("--resume " + dir);
        assertThat(FakeStages.RUNS.get()).isZero();
    }

    @Test
    void resumingAnEmptyDirectoryRunsEverything() {
        List<Artifact> out = run("1", true);
        assertThat(FakeStages.RUNS.get()).isEqualTo(3);
        assertThat(recorded.events).first().isEqualTo("reruns 0-add");
        assertThat(out).hasSize(3);
    }
}
