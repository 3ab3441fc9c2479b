package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import org.metalearn4j.core.train.EvalProgress;

/**
 * An evaluation's progress on stderr for {@code metalearn eval}: one bar with its ETA per phase ({@code embed}, then
 * {@code episodes}), in the style of the training bar. Reports come on the evaluating thread.
 */
final class EvalProgressBars implements EvalProgress, AutoCloseable {
    private final PrintStream err;
    private ProgressBar bar;
    private String phase;

    EvalProgressBars(PrintStream err) {
        this.err = err;
    }

    @Override
    public void report(String phase, long done, long total) {
        if (!phase.equals(this.phase)) {
            close();
            this.phase = phase;
            bar = ProgressBarListener.bar(err, "eval " + phase, total, 0);
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
