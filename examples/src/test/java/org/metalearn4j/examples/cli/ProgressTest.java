package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress where stderr is no terminal or with --no-progress: plain heartbeat lines, never a silent stretch. */
class ProgressTest {

    @Test
    void heartbeatPrintsOneLineAtEachTenthAndNoCarriageReturn() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        try (Progress p = Progress.heartbeat(new PrintStream(err, true, StandardCharsets.UTF_8), "train", 200, 0,
                clock::get)) {
            for (int i = 1; i <= 200; i++) {
                clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
                p.setExtraMessage(" loss 0.5000");
                p.stepTo(i);
            }
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        assertThat(text.lines()).hasSize(10)
                .first().isEqualTo("train 10% 20/200 (0:00:02, ETA 0:00:18) loss 0.5000");
        assertThat(text.lines()).last().isEqualTo("train 100% 200/200 (0:00:20) loss 0.5000");
    }

    @Test
    void heartbeatPrintsAtLeastOnceAMinuteWhileATenthTakesLonger() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress p = Progress.heartbeat(new PrintStream(err, true, StandardCharsets.UTF_8), "eval episodes", 1000,
                0, clock::get);
        for (int i = 1; i <= 50; i++) {
            clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
            p.stepTo(i);
        }
        // 500 s for 5% of the task: a line each minute, none for a tenth
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(8)
                .first().isEqualTo("eval episodes 0% 6/1000 (0:01:00, ETA 2:45:40)");
        p.close();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(9)
                .last().asString().startsWith("eval episodes 5% 50/1000 (0:08:20");
    }

    @Test
    void heartbeatOfAResumedTaskCountsFromWhereItStarted() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        Progress p = Progress.heartbeat(new PrintStream(err, true, StandardCharsets.UTF_8), "train", 100, 50,
                clock::get);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
        p.stepTo(60);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("train 60% 60/100 (0:00:10, ETA 0:00:40)\n");
    }
}
