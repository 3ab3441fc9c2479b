package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.transfer.pipeline.PipelineListener;
import org.metalearn4j.transfer.pipeline.PlannedStage;

/**
 * Shows a pipeline run on stderr: one line when a stage starts, is reused or finishes (with how long it took), why a
 * resumed run runs a stage again, and, while a stage reports progress, a progress bar with its ETA and latest metrics.
 */
final class PipelineConsole implements PipelineListener, AutoCloseable {
    private final PrintStream err;
    private final boolean drawBars;
    private ProgressBar bar;

    /** @param drawBars {@code false} for {@code --no-progress}: stage lines only */
    PipelineConsole(PrintStream err, boolean drawBars) {
        this.err = err;
        this.drawBars = drawBars;
    }

    @Override
    public void stageReused(PlannedStage stage, int stages, Path artifact) {
        err.println(position(stage, stages) + " reused (finished earlier): " + artifact);
    }

    @Override
    public void resumeStops(PlannedStage stage, int stages, String reason) {
        err.println(position(stage, stages) + " runs again, and every stage after it: " + reason);
    }

    @Override
    public void stageStarted(PlannedStage stage, int stages) {
        err.println(position(stage, stages) + " starts");
    }

    @Override
    public void stageProgress(PlannedStage stage, long done, long total, Map<String, Double> metrics) {
        if (!drawBars) {
            return;
        }
        if (bar == null) {
            bar = ProgressBarListener.bar(err, stage.label(), total, 0);
        }
        bar.stepTo(done);
        bar.setExtraMessage(" " + format(metrics));
    }

    @Override
    public void stageFinished(PlannedStage stage, int stages, Artifact output, Path artifact, Duration took) {
        close();
        err.println(position(stage, stages) + " done in " + format(took) + ": " + format(output.metrics()));
    }

    /** Stops the progress bar of a stage that failed or was interrupted. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static String position(PlannedStage stage, int stages) {
        return "[" + (stage.index() + 1) + "/" + stages + "] " + stage.label();
    }

    /** {@code loss} first, then the rest by name, so values keep their place on the bar from one update to the next. */
    private static String format(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Double> e) -> !"loss".equals(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
