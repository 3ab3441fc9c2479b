package org.metalearn4j.examples.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.train.Trainer;

class JsonLinesReaderTest {
    @TempDir
    Path dir;

    private JsonLinesReader reader() {
        return new JsonLinesReader(dir.resolve(Trainer.METRICS_FILE), TrainingHistory.KINDS);
    }

    @Test
    void readsTheLinesAddedSinceTheLastPollAndLeavesAHalfWrittenLineForLater() throws IOException {
        RunFixtures.training(dir, "protonet", "omniglot", 5, false);
        JsonLinesReader reader = reader();
        JsonLinesReader.Batch first = reader.poll();
        assertThat(first.lines()).hasSize(7); // started, 5 steps, 1 eval
        assertThat(first.lines().get(1).event()).isEqualTo(RunFixtures.step(1, 5));
        assertThat(first.lines().get(6).event()).isInstanceOf(EvalEvent.class);
        assertThat(reader.poll().lines()).isEmpty();

        RunFixtures.append(dir, "{\"event\":\"step\",\"iteration\":6,\"iterations\":9,\"loss\":0.5,\"met");
        assertThat(reader.poll().lines()).isEmpty();
        assertThat(reader.problems()).singleElement().asString()
                .contains("line 8 has no line end").contains("not read yet");

        RunFixtures.append(dir, "ric\":\"NaN\",\"metricName\":\"accuracy\",\"extras\":{},\"elapsedSeconds\":1,"
                + "\"stepSeconds\":0.1}\n");
        JsonLinesReader.Batch rest = reader.poll();
        assertThat(rest.lines()).singleElement().extracting(JsonLinesReader.Line::event)
                .isInstanceOfSatisfying(StepEvent.class, s -> {
                    assertThat(s.iteration()).isEqualTo(6);
                    assertThat(s.metric()).isNaN();
                });
        assertThat(reader.problems()).isEmpty();
    }

    @Test
    void reportsEachDamagedLineWithItsNumberAndReadsTheRest() throws IOException {
        RunFixtures.training(dir, "protonet", "omniglot", 2, false);
        RunFixtures.append(dir, "not json at all\n[1, 2]\n{\"iteration\": 3}\n{\"event\": \"party\"}\n"
                + "{\"event\": \"step\", \"extras\": 5}\n\n");
        RunFixtures.append(dir, Files.readAllLines(dir.resolve(Trainer.METRICS_FILE)).get(1) + "\n");
        JsonLinesReader reader = reader();

        assertThat(reader.poll().lines()).hasSize(4);
        assertThat(reader.problems()).satisfiesExactly(
                p -> assertThat(p).contains("metrics.jsonl line 4: not JSON"),
                p -> assertThat(p).contains("line 5: expected a JSON object, got [1, 2]"),
                p -> assertThat(p).contains("line 6: no \"event\" field"),
                p -> assertThat(p).contains("line 7: unknown event 'party' (expected one of [checkpoint, eval, "
                        + "finished, started, step])"),
                p -> assertThat(p).contains("line 8: not a valid 'step' event"));
    }

    @Test
    void startsOverWhenTheFileIsReplacedByAShorterOne() throws IOException {
        RunFixtures.training(dir, "protonet", "omniglot", 5, false);
        JsonLinesReader reader = reader();
        reader.poll();
        Files.delete(dir.resolve(Trainer.METRICS_FILE));
        RunFixtures.training(dir, "protonet", "omniglot", 1, false);

        JsonLinesReader.Batch again = reader.poll();
        assertThat(again.restarted()).isTrue();
        assertThat(again.lines()).hasSize(2);
    }

    @Test
    void doesNotFollowASymbolicLinkAndTreatsAMissingFileAsEmpty() throws IOException {
        assertThat(reader().poll().lines()).isEmpty();
        Path secret = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret.jsonl"),
                "{\"event\":\"started\"}\n");
        try {
            Files.createSymbolicLink(dir.resolve(Trainer.METRICS_FILE), secret);
            JsonLinesReader reader = reader();
            assertThat(reader.poll().lines()).isEmpty();
            assertThat(reader.problems()).singleElement().asString().contains("is a symbolic link: not read");
        } finally {
            Files.delete(secret);
        }
    }
}
