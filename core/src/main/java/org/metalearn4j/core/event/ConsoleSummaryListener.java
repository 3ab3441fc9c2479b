package org.metalearn4j.core.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * The console side of a run: one human-readable line per evaluation, checkpoint and the end of the run on
 * {@code notes} (stderr, beside the progress bar). The one-line JSON summary for scripts, {@link #summaryJson}, is
 * printed by the caller once every listener is done, so that it is the last line of stdout.
 */
public final class ConsoleSummaryListener implements TrainingListener {
    private static final String NO_EVALUATION = "the run stopped before its first evaluation; metalearn eval "
            + "RUN_DIR scores its last checkpoint";
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private final PrintStream notes;
    private final String lead;

    /**
     * @param notes        where the lines go (stderr)
     * @param besideABar   whether a progress bar is redrawn in place on the same stream: each line then starts on a
     *                     new line of its own, so as not to be appended to the bar; log files get no blank lines
     */
    public ConsoleSummaryListener(PrintStream notes, boolean besideABar) {
        this.notes = notes;
        this.lead = besideABar ? "%n" : "";
    }

    /** Prints, so it runs on a worker thread. */
    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public void onStarted(RunStarted e) {
        notes.printf(Locale.ROOT, "training %s on %s (%s), iterations %d..%d, run directory %s%n", e.learner(),
                e.dataset(), e.backend(), e.startIteration(), e.iterations(), e.runDir());
    }

    @Override
    public void onEval(EvalEvent e) {
        StringBuilder more = new StringBuilder();
        e.secondary().forEach((name, v) -> {
            if (!name.endsWith(".ci95")) {
                more.append(String.format(Locale.ROOT, ", %s %.4f ± %.4f", name, v,
                        e.secondary().getOrDefault(name + ".ci95", Double.NaN)));
            }
        });
        notes.printf(Locale.ROOT, lead + "eval @ %d: %s %.4f ± %.4f%s (%d episodes of %s)%n", e.iteration(),
                e.metricName(), e.value(), e.ci95(), more, e.episodes(), e.split());
    }

    @Override
    public void onCheckpoint(CheckpointEvent e) {
        notes.printf(Locale.ROOT, lead + "checkpoint @ %d: %s%n", e.iteration(), e.file());
    }

    @Override
    public void onFinished(RunFinished e) {
        String score = Double.isNaN(e.value()) ? "no evaluation (" + NO_EVALUATION + ")"
                : String.format(Locale.ROOT, "%s %.4f ± %.4f", e.metricName(), e.value(), e.ci95());
        notes.printf(Locale.ROOT, lead + "%s after %d of %d iterations (%.1f s): %s, last checkpoint %s%n",
                e.interrupted() ? "stopped" : "done", e.iteration(), e.iterations(), e.seconds(), score,
                e.checkpoint());
    }

    /**
     * {@code {"run":..., "iterations":..., "loss":..., "accuracy"|"mse":..., "ci95":..., ...}} on one line. A value
     * that does not exist (no evaluation before the run stopped, no step taken) is {@code null}, never the string
     * {@code "NaN"}, and {@code noEvaluation} says why.
     */
    public static String summaryJson(RunFinished e, String backend) {
        ObjectNode n = JSON.createObjectNode().put("run", e.runDir()).put("iterations", e.iteration());
        number(n, "loss", e.loss());
        number(n, e.metricName(), e.value());
        number(n, "ci95", Double.isNaN(e.value()) ? Double.NaN : e.ci95());
        n.put("episodes", e.episodes());
        if (Double.isNaN(e.value())) {
            n.put("noEvaluation", NO_EVALUATION);
        }
        return n.put("seconds", Math.round(e.seconds() * 1000) / 1000.0)
                .put("checkpoint", e.checkpoint())
                .put("backend", backend)
                .put("interrupted", e.interrupted())
                .toString();
    }

    private static void number(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, value);
        } else {
            n.putNull(field);
        }
    }
}
