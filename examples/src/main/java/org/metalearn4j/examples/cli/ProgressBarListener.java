package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.event.TrainingListener;

/**
 * Draws {@code iteration/total, ETA, loss and accuracy (or MSE)} on stderr. ASCII style and a fixed width, so it also
 * renders in logs and CI output where there is no terminal to ask for its width.
 */
final class ProgressBarListener implements TrainingListener {
    private static final int WIDTH = 110;

    private final PrintStream err;
    private ProgressBar bar;

    ProgressBarListener(PrintStream err) {
        this.err = err;
    }

    /** Draws on stderr, so it runs on a worker thread. */
    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void onStarted(RunStarted e) {
        bar = bar(err, "train", e.iterations(), e.startIteration());
    }

    /** The CLI's progress bar style, drawn on {@code err}: also used by {@code metalearn pipeline}. */
    static ProgressBar bar(PrintStream err, String task, long max, long start) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .startsFrom(start, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH))
                .build();
    }

    @Override
    public void onStep(StepEvent e) {
        if (bar == null) {
            return;
        }
        bar.stepTo(e.iteration());
        String metric = "accuracy".equals(e.metricName()) ? "acc" : e.metricName();
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f %s %.3f", e.loss(), metric, e.metric()));
    }

    @Override
    public void onFinished(RunFinished e) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
