package org.metalearn4j.examples.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.event.PipelineEvents;
import org.metalearn4j.core.event.ResumeStopped;
import org.metalearn4j.core.event.StageFinished;
import org.metalearn4j.core.event.StagePosition;
import org.metalearn4j.core.event.StageProgressEvent;
import org.metalearn4j.core.event.StageReused;
import org.metalearn4j.core.event.StageStarted;
import org.metalearn4j.core.event.TypedEventBus;
import org.metalearn4j.core.pipeline.ArtifactKind;

class PipelineRunTest {
    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private TypedEventBus bus() {
        TypedEventBus bus = new TypedEventBus(vertx);
        PipelineEvents.TYPES.forEach(bus::register);
        return bus;
    }

    @Test
    void theJournalRecordsThePlanAndEveryStageAndTheRunReadsThemBack() {
        TypedEventBus bus = bus();
        StagePosition pretrain = new StagePosition(0, "pretrain", 3);
        StagePosition finetune = new StagePosition(1, "finetune", 3);
        PipelinePlan plan = new PipelinePlan("p.yaml", List.of("0-pretrain", "1-finetune", "2-evaluate"), false);
        try (PipelineJournal.Subscribed journal = PipelineJournal.start(bus, dir, plan)) {
            bus.publish(new StageStarted(pretrain, dir.resolve("0-pretrain").toString()));
            for (int i = 1; i <= 50; i++) {
                bus.publish(new StageProgressEvent(pretrain, i, 50, Map.of("loss", 1.0 / i)));
            }
            bus.publish(new StageFinished(pretrain, ArtifactKind.BACKBONE, Map.of("accuracy", 0.75),
                    dir.resolve("0-pretrain/artifact.bin").toString(), 2.5));
            bus.publish(new StageStarted(finetune, dir.resolve("1-finetune").toString()));
            bus.publish(new StageProgressEvent(finetune, 3, 10, Map.of("loss", 0.5)));
            journal.subscription().drain(Duration.ofSeconds(10));
        }
        PipelineRun run = new PipelineRun(dir);
        run.refresh();

        assertThat(run.plan()).isEqualTo(plan);
        // Progress is written at most once a second per stage, and always when a stage reaches its total.
        assertThat(run.lines()).filteredOn(l -> l.get("event").asText().equals("stage-progress"))
                .hasSizeLessThan(10).last().satisfies(l -> assertThat(l.get("done").asInt()).isEqualTo(3));
        List<PipelineStageState> stages = run.stages(true);
        assertThat(stages).extracting(PipelineStageState::label, PipelineStageState::state)
                .containsExactly(tuple("0-pretrain", "done"),
                        tuple("1-finetune", "running"),
                        tuple("2-evaluate", "pending"));
        assertThat(stages.get(0).metrics()).containsEntry("accuracy", 0.75);
        assertThat(stages.get(0).seconds()).isEqualTo(2.5);
        assertThat(stages.get(1).done()).isEqualTo(3);
        assertThat(stages.get(1).total()).isEqualTo(10);
        assertThat(run.status(Instant.now()).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.stages(false).get(1).state()).isEqualTo("stopped");
        assertThat(run.status(Instant.now().plus(Duration.ofHours(1))).note())
                .contains("stopped with 1 of 3 stages saved").contains("--resume " + dir);
    }

    @Test
    void aResumedRunShowsReusedStagesAndWhyTheFirstOneRunsAgain() {
        TypedEventBus bus = bus();
        StagePosition first = new StagePosition(0, "pretrain", 2);
        StagePosition second = new StagePosition(1, "evaluate", 2);
        try (PipelineJournal.Subscribed journal = PipelineJournal.start(bus, dir,
                new PipelinePlan("p.yaml", List.of("0-pretrain", "1-evaluate"), true))) {
            bus.publish(new StageReused(first, "0-pretrain/artifact.bin"));
            bus.publish(new ResumeStopped(second, "config changed"));
            bus.publish(new StageStarted(second, "1-evaluate"));
            bus.publish(new StageFinished(second, ArtifactKind.MODEL, Map.of("accuracy", 0.5), "1-evaluate/a",
                    1));
            journal.subscription().drain(Duration.ofSeconds(10));
        }
        PipelineRun run = new PipelineRun(dir);
        run.refresh();

        assertThat(run.stages(false)).extracting(PipelineStageState::state).containsExactly("reused", "done");
        assertThat(run.stages(false).get(1).note()).isEqualTo("config changed");
        assertThat(run.status(Instant.now()).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void aRunThatFailsBeforeItsFirstStageLeavesNoJournal() {
        try (PipelineJournal.Subscribed journal = PipelineJournal.start(bus(), dir,
                new PipelinePlan("p.yaml", List.of("0-pretrain"), false))) {
            journal.subscription().drain(Duration.ofSeconds(10));
        }
        assertThat(dir.resolve(PipelineJournal.FILE)).doesNotExist();
    }

    @Test
    void aPipelineDirectoryFromBeforeTheJournalShowsItsSavedStages() throws IOException {
        Files.createDirectories(dir.resolve("0-pretrain"));
        Files.write(dir.resolve("0-pretrain/artifact.bin"), new byte[] {1, 2, 3});
        Files.createDirectories(dir.resolve("1-finetune"));

        assertThat(PipelineRun.isPipelineRun(dir)).isTrue();
        PipelineRun run = new PipelineRun(dir);
        run.refresh();
        assertThat(run.stages(false)).singleElement().satisfies(s -> {
            assertThat(s.label()).isEqualTo("0-pretrain");
            assertThat(s.state()).isEqualTo("done");
        });
        assertThat(run.problems()).singleElement().asString().contains("no pipeline.jsonl");
    }
}
