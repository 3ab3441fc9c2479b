package org.metalearn4j.transfer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.LibraryVersions;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.task.Seeds;

class PipelineTest {
    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.of("test", new FakeStages.Add(), new FakeStages.Score());

    @BeforeEach
    void reset() {
        FakeStages.RUNS.set(0);
    }

    private List<Artifact> run(String yaml) {
        Pipeline p = new PipelineValidator(registry).validate(PipelineSpecReader.parse(yaml));
        return new PipelineRunner(registry).run(p, dir, false);
    }

    @Test
    void runsStagesInOrderAndSavesEachArtifactWithProvenance() {
        List<Artifact> out = run("""
                seed: 5
                stages:
                  - stage: add
                    config: {amount: 2.5}
                  - stage: add
                  - stage: score
                """);
        assertThat(out).extracting(Artifact::kind)
                .containsExactly(ArtifactKind.BACKBONE, ArtifactKind.BACKBONE, ArtifactKind.EVALUATION);
        assertThat(out.get(2).metrics()).containsEntry("score", 3.5);

        Artifact saved = ArtifactFiles.read(dir.resolve("1-add").resolve(PipelineRunner.ARTIFACT_FILE));
        assertThat(saved.state().getScalar("w")).isEqualTo(3.5);
        assertThat(saved.state().getLongs("seed")).containsExactly(Seeds.derive(5, 1));
        assertThat(saved.provenance().seed()).isEqualTo(Seeds.derive(5, 1));
        assertThat(saved.provenance().libraries()).isEqualTo(LibraryVersions.current());
        assertThat(Instant.parse(saved.provenance().created())).isBeforeOrEqualTo(Instant.now());
        assertThat(saved.provenance().details())
                .containsEntry("stage", "add")
                .containsEntry("stage.index", "1")
                .containsEntry("stage.config", "{\"amount\":1.0,\"notes\":null}")
                .containsEntry("note", "added")
                .containsEntry("input.stage", "add")
                .containsEntry("input.stage.config", "{\"amount\":2.5,\"notes\":null}");
        assertThat(Files.isRegularFile(dir.resolve("2-score").resolve(PipelineRunner.ARTIFACT_FILE))).isTrue();
    }

    @Test
    void startsFromASavedInputArtifact() {
        run("stages: [{stage: add, config: {amount: 4}}]");
        Path saved = dir.resolve("0-add").resolve(PipelineRunner.ARTIFACT_FILE);
        Path second = dir.resolve("second");
        Pipeline p = new PipelineValidator(registry)
                .validate(PipelineSpecReader.parse("input: " + saved + "\nstages: [{stage: score}]"));
        List<Artifact> out = new PipelineRunner(registry).run(p, second, false);
        assertThat(out.get(0).metrics()).containsEntry("score", 4.0);
        assertThat(out.get(0).provenance().details()).containsEntry("input.stage", "add");
    }

    @Test
    void reportsEveryProblemNamingTheStageBeforeAnythingRuns() {
        String yaml = """
                stages:
                  - stage: add
                    config: {amount: 1, notes: %s}
                  - stage: nope
                  - stage: score
                  - stage: score
                  - stage: add
                    config: {amout: 3}
                """.formatted(dir.resolve("missing.txt"));
        assertThatThrownBy(() -> run(yaml))
                .isInstanceOf(PipelineValidationException.class)
                .satisfies(e -> assertThat(((PipelineValidationException) e).problems()).containsExactly(
                        "stages[0].config.notes: names a missing file: " + dir.resolve("missing.txt"),
                        "stages[1].stage: unknown stage 'nope'; available stages: [add, score]",
                        "stage 3 'score': accepts [BACKBONE] but stage 2 'score' produces EVALUATION",
                        "stages[4].config.amout: unknown key; allowed keys here: [amount, notes]"));
        assertThat(FakeStages.RUNS.get()).isZero();
    }

    @Test
    void missingInputCheckpointFailsValidation() {
        Path missing = dir.resolve("gone.bin");
        assertThatThrownBy(() -> run("input: " + missing + "\nstages: [{stage: score}]"))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("input: checkpoint " + missing + " does not exist");
    }

    @Test
    void firstStageMustAcceptNone() {
        assertThatThrownBy(() -> run("stages: [{stage: score}]"))
                .hasMessageContaining("stage 0 'score': accepts [BACKBONE] but the pipeline start produces NONE");
    }

    @Test
    void wrongTypeNamesTheField() {
        assertThatThrownBy(() -> run("stages: [{stage: add, config: {amount: lots}}]"))
                .hasMessageContaining("stages[0].config.amount: expected a number, got \"lots\"");
    }

    @Test
    void malformedPipelineKeysFailWithPath() {
        assertThatThrownBy(() -> PipelineSpecReader.parse("stages: [{stage: add, confg: {}}]"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("stages[0].confg: unknown key; allowed keys here: [stage, config]");
        assertThatThrownBy(() -> PipelineSpecReader.parse("seed: 1"))
                .hasMessageContaining("stages: expected a non-empty list");
        assertThatThrownBy(() -> PipelineSpecReader.read(dir.resolve("none.yaml")))
                .hasMessageContaining("config file not found: " + dir.resolve("none.yaml"));
    }
}
