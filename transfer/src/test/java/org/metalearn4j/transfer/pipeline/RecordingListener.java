package org.metalearn4j.transfer.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.pipeline.Artifact;

/**
 * Records what a pipeline run reported, one line per event, e.g. {@code started 1-add 2/3}, {@code progress 1-add 4/5}.
 */
public final class RecordingListener implements PipelineListener {
    /** Every event in order. */
    public final List<String> events = new ArrayList<>();
    /** The reasons given for each stage that a resumed run could not reuse. */
    public final List<String> reasons = new ArrayList<>();
    /** The metrics of every progress report, in order. */
    public final List<Map<String, Double>> metrics = new ArrayList<>();

    @Override
    public void stageReused(PlannedStage stage, int stages, Path artifact) {
        events.add("reused " + stage.label() + " " + (stage.index() + 1) + "/" + stages);
    }

    @Override
    public void resumeStops(PlannedStage stage, int stages, String reason) {
        events.add("reruns " + stage.label());
        reasons.add(reason);
    }

    @Override
    public void stageStarted(PlannedStage stage, int stages) {
        events.add("started " + stage.label() + " " + (stage.index() + 1) + "/" + stages);
    }

    @Override
    public void stageProgress(PlannedStage stage, long done, long total, Map<String, Double> m) {
        events.add("progress " + stage.label() + " " + done + "/" + total);
        metrics.add(m);
    }

    @Override
    public void stageFinished(PlannedStage stage, int stages, Artifact output, Path artifact, Duration took) {
        events.add("finished " + stage.label() + " " + (stage.index() + 1) + "/" + stages);
    }

    /** The progress events of one stage, e.g. {@code [1/5, 2/5, ...]}. */
    public List<String> progressOf(String label) {
        String prefix = "progress " + label + " ";
        return events.stream().filter(e -> e.startsWith(prefix)).map(e -> e.substring(prefix.length())).toList();
    }
}
