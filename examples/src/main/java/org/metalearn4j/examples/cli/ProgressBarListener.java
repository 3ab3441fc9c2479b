package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.metalearn4j.core.event.EvalProgressEvent;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.event.TrainingListener;

/**
 * Draws {@code iteration/total, ETA, loss and accuracy (or MSE)} on stderr; while an evaluation runs, its progress and
 * ETA replace the loss. ASCII style and a fixed width, so it also
 * renders in logs and CI output where there is no terminal to ask for its width.
 */
final class ProgressBarListener implements TrainingListener {
    private static final int WIDTH = 110;

    private final PrintStream err;
    private ProgressBar bar;
    private String evalPhase;
    private long evalPhaseStart;

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
    public void onEvalProgress(EvalProgressEvent e) {
        if (bar == null) {
            return;
        }
        long now = System.nanoTime();
        if (!e.phase().equals(evalPhase) || e.done() == 0) {
            evalPhase = e.phase();
            evalPhaseStart = now;
        }
        bar.setExtraMessage(" eval " + evalMessage(e.phase(), e.done(), e.total(), (now - evalPhaseStart) / 1e9));
        if (e.done() == e.total()) {
            evalPhase = null;
        }
    }

    /**
     * {@code episodes 120/600 ETA 0:00:04}: the remaining time extrapolated from the phase's rate so far (the first
     * report of a phase starts its clock, so its ETA shows from the second).
     */
    static String evalMessage(String phase, long done, long total, double elapsedSeconds) {
        String eta = done > 0 && elapsedSeconds > 0 && done < total
                ? String.format(Locale.ROOT, " ETA %s", clock(elapsedSeconds * (total - done) / done)) : "";
        return phase + " " + done + "/" + total + eta;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    @Override
    public void onFinished(RunFinished e) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
