package org.metalearn4j.examples.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One stage of a pipeline run as the dashboard shows it.
 *
 * @param index    position in the pipeline, from 0
 * @param name     the stage's name, e.g. {@code finetune}
 * @param state    {@code pending}, {@code running}, {@code done}, {@code reused} or {@code stopped} (started, never
 *                 finished, and the pipeline is no longer running)
 * @param done     units of work done (iterations, episodes), 0 if none reported
 * @param total    units of work in all, 0 if none reported
 * @param metrics  the latest reported metrics (progress while running, the artifact's when done)
 * @param seconds  how long the stage ran, or {@code NaN} if not known
 * @param artifact the saved artifact file, or null
 * @param note     why a resumed run runs the stage again, or null
 */
public record PipelineStageState(int index, String name, String state, long done, long total,
                                 Map<String, Double> metrics, double seconds, String artifact, String note) {
    public PipelineStageState {
        metrics = Map.copyOf(metrics);
    }

    /** The stage's directory name, {@code <index>-<name>}. */
    @JsonProperty("label")
    public String label() {
        return index + "-" + name;
    }

    PipelineStageState with(String newState, long newDone, long newTotal, Map<String, Double> newMetrics,
                            double newSeconds, String newArtifact, String newNote) {
        return new PipelineStageState(index, name, newState, newDone, newTotal, newMetrics, newSeconds, newArtifact,
                newNote);
    }
}
