package org.metalearn4j.examples.cli;

import java.util.Map;
import java.util.stream.Collectors;
import org.metalearn4j.core.pipeline.StageProgress;

/**
 * A stage's progress on this process's stderr, for an example application that runs pipeline stages itself (without
 * {@code metalearn pipeline}'s event bus): a line for each thing the stage loads, then its {@link Progress} (a bar on a
 * terminal, elsewhere a line at each tenth and at least once a minute) with its latest metrics.
 */
public final class StderrStageProgress implements StageProgress, AutoCloseable {
    private final String stage;
    private Progress progress;

    /** @param stage the name shown on each line, e.g. {@code pretrain} */
    public StderrStageProgress(String stage) {
        this.stage = stage;
    }

    @Override
    public void loading(String what) {
        System.err.println(stage + " loading " + what);
    }

    @Override
    public void report(long done, long total, Map<String, Double> metrics) {
        if (progress == null) {
            progress = Progress.onStderr(stage, total);
        }
        progress.setExtraMessage(metrics.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> " " + e.getKey() + " " + MetricValue.text(e.getValue())).collect(Collectors.joining()));
        progress.stepTo(done);
    }

    /** Ends the progress shown, if the stage reported any. */
    @Override
    public void close() {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }
}
