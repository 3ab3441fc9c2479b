package org.metalearn4j.core.event;

import java.util.List;

/**
 * The addresses of pipeline progress on the event bus, beside the training events'. For each stage a pipeline runner
 * publishes either {@link StageReused}, or {@link StageStarted}, any number of {@link StageLoading}s and
 * {@link StageProgressEvent}s, and {@link StageFinished}; a resumed run publishes {@link ResumeStopped} before the
 * first stage it runs again.
 */
public final class PipelineEvents {
    public static final String STAGE_STARTED = "metalearn.pipeline.stage-started";
    public static final String STAGE_LOADING = "metalearn.pipeline.stage-loading";
    public static final String STAGE_PROGRESS = "metalearn.pipeline.stage-progress";
    public static final String STAGE_FINISHED = "metalearn.pipeline.stage-finished";
    public static final String STAGE_REUSED = "metalearn.pipeline.stage-reused";
    public static final String RESUME_STOPPED = "metalearn.pipeline.resume-stopped";

    /** The pipeline event types with their addresses. */
    public static final List<EventType<?>> TYPES = List.of(
            EventType.of(STAGE_STARTED, StageStarted.class),
            EventType.of(STAGE_LOADING, StageLoading.class),
            EventType.of(STAGE_PROGRESS, StageProgressEvent.class),
            EventType.of(STAGE_FINISHED, StageFinished.class),
            EventType.of(STAGE_REUSED, StageReused.class),
            EventType.of(RESUME_STOPPED, ResumeStopped.class));

    private PipelineEvents() {
    }
}
