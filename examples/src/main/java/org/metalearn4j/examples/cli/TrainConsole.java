package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.metalearn4j.core.event.CheckpointEvent;
import org.metalearn4j.core.event.ConsoleSummaryListener;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.EvalProgressEvent;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.event.TrainingListener;

/**
 * A training run on stderr: the {@link ConsoleSummaryListener}'s lines and the {@link Progress} of
 * {@code iteration/total, ETA, loss and accuracy (or MSE)}; while an evaluation runs, its progress and ETA replace the
 * loss. One listener for both, so that the bar is closed before the closing line is printed, never redrawn after it.
 */
final class TrainConsole implements TrainingListener {
    private final PrintStream err;
    private final boolean redraw;
    private final ConsoleSummaryListener lines;
    private Progress progress;
    private String evalPhase;
    private long evalPhaseStart;

    /** @param redraw a bar redrawn in place (a terminal, progress wanted), else heartbeat lines */
    TrainConsole(PrintStream err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
        this.lines = new ConsoleSummaryListener(err, redraw);
    }

    /** Draws on stderr, so it runs on a worker thread. */
    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void onStarted(RunStarted e) {
        lines.onStarted(e);
        progress = Progress.start(err, "train", e.iterations(), e.startIteration(), redraw);
    }

    @Override
    public void onStep(StepEvent e) {
        if (progress == null) {
            return;
        }
        progress.setExtraMessage(stepMessage(e.loss(), e.metricName(), e.metric()));
        progress.stepTo(e.iteration());
    }

    /**
     * {@code " loss 0.1234 acc 0.870"}; a metric the learner does not measure on training steps (NaN, e.g. a
     * generative model's accuracy) is left out rather than shown as "acc NaN".
     */
    static String stepMessage(double loss, String metricName, double metric) {
        String text = String.format(Locale.ROOT, " loss %.4f", loss);
        if (Double.isNaN(metric)) {
            return text;
        }
        String name = "accuracy".equals(metricName) ? "acc" : metricName;
        return text + String.format(Locale.ROOT, " %s %.3f", name, metric);
    }

    @Override
    public void onEval(EvalEvent e) {
        lines.onEval(e);
    }

    @Override
    public void onCheckpoint(CheckpointEvent e) {
        lines.onCheckpoint(e);
    }

    @Override
    public void onEvalProgress(EvalProgressEvent e) {
        if (progress == null) {
            return;
        }
        long now = System.nanoTime();
        if (!e.phase().equals(evalPhase) || e.done() == 0) {
            evalPhase = e.phase();
            evalPhaseStart = now;
        }
        progress.setExtraMessage(" eval " + evalMessage(e.phase(), e.done(), e.total(),
                (now - evalPhaseStart) / 1e9));
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
                ? " ETA " + Progress.clock(elapsedSeconds * (total - done) / done) : "";
        return phase + " " + done + "/" + total + eta;
    }

    @Override
    public void onFinished(RunFinished e) {
        if (progress != null) {
            progress.close();
            progress = null;
        }
        lines.onFinished(e);
    }
}
