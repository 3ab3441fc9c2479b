package org.metalearn4j.transfer.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.metalearn4j.core.pipeline.Artifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a pipeline run's stage starts, ends, reuses and re-runs; what a runner without another listener reports. */
public final class PipelineLog implements PipelineListener {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    @Override
    public void stageReused(PlannedStage stage, int stages, Path artifact) {
        LOG.info("stage {} ({}/{}) skipped: reusing {}", stage.label(), stage.index() + 1, stages, artifact);
    }

    @Override
    public void resumeStops(PlannedStage stage, int stages, String reason) {
        LOG.warn("stage {} ({}/{}) runs again: {}", stage.label(), stage.index() + 1, stages, reason);
    }

    @Override
    public void stageStarted(PlannedStage stage, int stages) {
        LOG.info("stage {} ({}/{}) starts", stage.label(), stage.index() + 1, stages);
    }

    @Override
    public void stageFinished(PlannedStage stage, int stages, Artifact output, Path artifact, Duration took) {
        LOG.info("stage {} ({}/{}) done in {} s: {}", stage.label(), stage.index() + 1, stages,
                String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0), output.metrics());
    }
}
