package org.metalearn4j.examples.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.event.MetricsFileListener;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.train.Trainer;

class TrainingRunTest {
    @TempDir
    Path dir;

    @Test
    void aResumedRunDropsWhatTheInterruptedProcessRecordedAfterItsCheckpoint() throws IOException {
        RunFixtures.training(dir, "maml", "sinusoid", 12, false);
        try (MetricsFileListener m = new MetricsFileListener(dir.resolve(Trainer.METRICS_FILE))) {
            m.onStarted(new RunStarted(dir.toString(), 10, 14, "maml", "sinusoid", "cpu"));
            m.onStep(new StepEvent(11, 14, 0.25, 0.9, "accuracy", Map.of(), 1, 0.1));
        }
        TrainingRun run = TrainingRun.read(dir);

        assertThat(run.history().steps()).extracting(StepEvent::iteration)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(run.history().lastStep().loss()).isEqualTo(0.25);
        assertThat(run.history().evals()).hasSize(2);
        assertThat(run.history().started().startIteration()).isEqualTo(10);
        assertThat(run.lines()).hasSize(12 + 2 + 1 + 2);
    }

    @Test
    void statusIsFinishedInterruptedOrRunningFromTheLastEventsAndTheirAge() throws IOException {
        Instant now = Instant.now();
        Path finished = RunFixtures.training(dir.resolve("finished"), "protonet", "omniglot", 3, true);
        assertThat(TrainingRun.read(finished).status(now).status()).isEqualTo(RunStatus.FINISHED);

        Path writing = RunFixtures.training(dir.resolve("writing"), "protonet", "omniglot", 3, false);
        assertThat(TrainingRun.read(writing).status(now).status()).isEqualTo(RunStatus.RUNNING);

        Path crashed = RunFixtures.training(dir.resolve("crashed"), "protonet", "omniglot", 3, false);
        RunFixtures.age(crashed, now.minus(Duration.ofMinutes(30)));
        RunStatus.Reading reading = TrainingRun.read(crashed).status(now);
        assertThat(reading.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(reading.note()).contains("after 3 of 3 iterations").contains("30 min")
                .contains("without a 'finished' event");

        Path stopped = RunFixtures.training(dir.resolve("stopped"), "protonet", "omniglot", 3, false);
        try (MetricsFileListener m = new MetricsFileListener(stopped.resolve(Trainer.METRICS_FILE))) {
            m.onFinished(new RunFinished(stopped.toString(), 3, 10, 1, "accuracy", Double.NaN, 0, 0, 1, null, true));
        }
        reading = TrainingRun.read(stopped).status(now);
        assertThat(reading.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(reading.note()).contains("stopped on request after 3 of 10").contains("--resume " + stopped);
    }

    @Test
    void aRunWithoutConfigTakesItsNamesFromTheStartedEventAndSaysTheConfigIsMissing() throws IOException {
        RunFixtures.training(dir, "protonet", "omniglot", 2, true);
        Files.delete(dir.resolve(Trainer.CONFIG_FILE));
        TrainingRun run = TrainingRun.read(dir);
        RunFiles.JsonFile config = run.config();

        assertThat(config.json()).isNull();
        assertThat(config.problem()).isEqualTo("no config.json in " + dir);
        assertThat(run.learner(null)).isEqualTo("protonet");
        assertThat(run.dataset(null)).isEqualTo("omniglot");
    }

    @Test
    void aBrokenConfigIsReportedWithItsFileAndLine() throws IOException {
        RunFixtures.training(dir, "protonet", "omniglot", 2, true);
        Files.writeString(dir.resolve(Trainer.CONFIG_FILE), "{\n  \"seed\": 1,\n  oops\n}");
        RunFiles.JsonFile config = TrainingRun.read(dir).config();
        assertThat(config.problem()).startsWith(dir.resolve(Trainer.CONFIG_FILE) + " is not valid JSON")
                .endsWith("at line 3");
    }
}
