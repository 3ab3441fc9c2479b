package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import org.metalearn4j.core.train.EvalProgress;

/**
 * An evaluation's progress on stderr for {@code metalearn eval}: one bar with its ETA per phase ({@code embed}, then
 * {@code episodes}), in the style of the training bar. Reports come on the evaluating thread.
 */
final class EvalProgressBars implements EvalProgress, AutoCloseable {
    private final PrintStream err;
    private final boolean redraw;
    private Progress bar;
    private String phase;

    /** @param redraw bars redrawn in place (a terminal), else heartbeat lines */
    EvalProgressBars(PrintStream err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    @Override
    public void report(String phase, long done, long total) {
        if (!phase.equals(this.phase)) {
            close();
            this.phase = phase;
            bar = Progress.start(err, "eval " + phase, total, 0, redraw);
        }
        bar.stepTo(done);
        if (done >= total) {
            close();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
