package org.metalearn4j.transfer.pipeline;

import java.util.Locale;
import org.metalearn4j.core.event.EventPublisher;
import org.metalearn4j.core.event.ResumeStopped;
import org.metalearn4j.core.event.StageFinished;
import org.metalearn4j.core.event.StageLoading;
import org.metalearn4j.core.event.StagePosition;
import org.metalearn4j.core.event.StageProgressEvent;
import org.metalearn4j.core.event.StageReused;
import org.metalearn4j.core.event.StageStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a pipeline run's stage starts, loads, ends, reuses and re-runs instead of publishing them: where a runner
 * without an event bus sends its events. Progress reports are too frequent for a log and are dropped.
 */
public final class PipelineLog implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    /** @throws IllegalArgumentException for a record that is not a pipeline event */
    @Override
    public void publish(Record event) {
        if (event instanceof StageReused e) {
            LOG.info("stage {} skipped: reusing {}", position(e.stage()), e.artifact());
        } else if (event instanceof ResumeStopped e) {
            LOG.warn("stage {} runs again: {}", position(e.stage()), e.reason());
        } else if (event instanceof StageStarted e) {
            LOG.info("stage {} starts", position(e.stage()));
        } else if (event instanceof StageLoading e) {
            LOG.info("stage {} loading {}", position(e.stage()), e.what());
        } else if (event instanceof StageFinished e) {
            LOG.info("stage {} done in {} s: {}", position(e.stage()), String.format(Locale.ROOT, "%.1f", e.seconds()),
                    e.metrics());
        } else if (!(event instanceof StageProgressEvent)) {
            throw new IllegalArgumentException("not a pipeline event: " + event.getClass().getName());
        }
    }

    private static String position(StagePosition stage) {
        return stage.label() + " (" + (stage.index() + 1) + "/" + stage.stages() + ")";
    }
}
