package org.metalearn4j.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.ConfigMappers;

class ConsoleSummaryListenerTest {

    @Test
    void aRunStoppedBeforeItsFirstEvaluationReportsNullAndWhy() throws Exception {
        RunFinished stopped = new RunFinished("runs/x", 3, 100, 1.25, "accuracy", Double.NaN, 0, 0, 2.5,
                "runs/x/checkpoints/ckpt-00000003.ml4j", true);
        String line = ConsoleSummaryListener.summaryJson(stopped, "cpu");
        assertThat(line).doesNotContain("NaN");
        JsonNode json = ConfigMappers.plain().readTree(line);
        assertThat(json.get("accuracy").isNull()).isTrue();
        assertThat(json.get("ci95").isNull()).isTrue();
        assertThat(json.get("loss").asDouble()).isEqualTo(1.25);
        assertThat(json.get("noEvaluation").asText()).contains("stopped before its first evaluation");

        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        new ConsoleSummaryListener(new PrintStream(notes, true, StandardCharsets.UTF_8), false).onFinished(stopped);
        assertThat(notes.toString(StandardCharsets.UTF_8)).contains("stopped after 3 of 100 iterations")
                .contains("no evaluation (the run stopped").doesNotContain("NaN");
    }

    @Test
    void linesStartOnANewLineOnlyBesideABarDrawnInPlace() {
        RunFinished done = new RunFinished("runs/x", 100, 100, 0.5, "accuracy", 0.875, 0.01, 600, 9.0, null, false);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ConsoleSummaryListener toLog = new ConsoleSummaryListener(new PrintStream(log, true, StandardCharsets.UTF_8),
                false);
        toLog.onCheckpoint(new CheckpointEvent(50, "runs/x/checkpoints/ckpt-00000050.ml4j"));
        toLog.onFinished(done);
        assertThat(log.toString(StandardCharsets.UTF_8).lines().toList()).doesNotContain("")
                .first().asString().startsWith("checkpoint @ 50: ");

        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        new ConsoleSummaryListener(new PrintStream(terminal, true, StandardCharsets.UTF_8), true).onFinished(done);
        assertThat(terminal.toString(StandardCharsets.UTF_8)).startsWith(System.lineSeparator() + "done after 100");
    }

    @Test
    void aFinishedRunReportsItsNumbers() throws Exception {
        RunFinished done = new RunFinished("runs/x", 100, 100, 0.5, "accuracy", 0.875, 0.01, 600, 9.0, null, false);
        JsonNode json = ConfigMappers.plain().readTree(ConsoleSummaryListener.summaryJson(done, "cpu"));
        assertThat(json.get("accuracy").asDouble()).isEqualTo(0.875);
        assertThat(json.get("ci95").asDouble()).isEqualTo(0.01);
        assertThat(json.has("noEvaluation")).isFalse();
    }
}
