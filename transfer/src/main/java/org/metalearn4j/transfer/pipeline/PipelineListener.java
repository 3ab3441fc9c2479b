package org.metalearn4j.transfer.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.metalearn4j.core.pipeline.Artifact;

/**
 * Told by {@link PipelineRunner} what a run is doing, for a progress display or a log. Calls come on the thread that
 * runs the pipeline, in order; every method does nothing unless overridden.
 */
public interface PipelineListener {

    /** A resumed run reuses {@code stage}'s saved artifact instead of running it. */
    default void stageReused(PlannedStage stage, int stages, Path artifact) {
    }

    /**
     * A resumed run cannot reuse {@code stage}'s saved artifact, so it and every later stage run again.
     *
     * @param reason names the artifact file and what is missing, corrupt or different
     */
    default void resumeStops(PlannedStage stage, int stages, String reason) {
    }

    /** {@code stage} (index from 0 among {@code stages}) starts running. */
    default void stageStarted(PlannedStage stage, int stages) {
    }

    /** What the running stage reported through {@link org.metalearn4j.core.pipeline.StageProgress}. */
    default void stageProgress(PlannedStage stage, long done, long total, Map<String, Double> metrics) {
    }

    /** {@code stage} ran and its artifact is saved at {@code artifact}. */
    default void stageFinished(PlannedStage stage, int stages, Artifact output, Path artifact, Duration took) {
    }
}
