package org.metalearn4j.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.metalearn4j.core.event.EventSubscription;
import org.metalearn4j.core.event.ResumeStopped;
import org.metalearn4j.core.event.StageFinished;
import org.metalearn4j.core.event.StageLoading;
import org.metalearn4j.core.event.StagePosition;
import org.metalearn4j.core.event.StageProgressEvent;
import org.metalearn4j.core.event.StageReused;
import org.metalearn4j.core.event.StageStarted;
import org.metalearn4j.core.event.TypedEventBus;

/**
 * Shows a pipeline run on stderr from its events on the event bus: one line when a stage starts, loads a data set,
 * is reused or finishes (with how long it took), why a resumed run runs a stage again, and, while a stage reports
 * progress, its {@link Progress} with its ETA and latest metrics.
 */
final class PipelineConsole implements AutoCloseable {
    private final PrintStream err;
    private final boolean redraw;
    private Progress bar;

    /** @param redraw bars redrawn in place (a terminal, progress wanted), else heartbeat lines */
    PipelineConsole(PrintStream err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    /** Subscribes to the pipeline events; it prints, so it runs on a worker thread. */
    EventSubscription subscribe(TypedEventBus events) {
        return events.subscriber(getClass().getName()).blocking(true)
                .on(StageReused.class, this::reused)
                .on(ResumeStopped.class, this::resumeStopped)
                .on(StageStarted.class, this::started)
                .on(StageLoading.class, this::loading)
                .on(StageProgressEvent.class, this::progress)
                .on(StageFinished.class, this::finished)
                .subscribe();
    }

    private void reused(StageReused e) {
        err.println(position(e.stage()) + " reused (finished earlier): " + e.artifact());
    }

    private void resumeStopped(ResumeStopped e) {
        err.println(position(e.stage()) + " runs again, and every stage after it: " + e.reason());
    }

    private void started(StageStarted e) {
        err.println(position(e.stage()) + " starts");
    }

    private void loading(StageLoading e) {
        err.println(position(e.stage()) + " loading " + e.what());
    }

    private void progress(StageProgressEvent e) {
        if (bar == null) {
            bar = Progress.start(err, e.stage().label(), e.total(), 0, redraw);
        }
        bar.setExtraMessage(" " + format(e.metrics()));
        bar.stepTo(e.done());
    }

    private void finished(StageFinished e) {
        close();
        err.println(position(e.stage()) + " done in " + format(Duration.ofNanos(Math.round(e.seconds() * 1e9)))
                + ": " + format(e.metrics()));
    }

    /** Stops the progress bar of a stage that failed or was interrupted. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static String position(StagePosition stage) {
        return "[" + (stage.index() + 1) + "/" + stage.stages() + "] " + stage.label();
    }
    /** {@code loss} first, then the rest by name, so values keep their place on the bar from one update to the next. */
    private static String format(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Double> e) -> !"loss".equals(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + " " + MetricValue.text(e.getValue()))
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
