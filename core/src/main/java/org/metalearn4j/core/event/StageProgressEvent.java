package org.metalearn4j.core.event;

import java.util.Map;

/**
 * What a running stage reported through its {@link org.metalearn4j.core.pipeline.StageProgress}.
 *
 * @param stage   which stage
 * @param done    units of work finished (iterations, episodes), from 1 up to {@code total}
 * @param total   units of work the stage will do in all
 * @param metrics a few current values, e.g. {@code loss}, {@code accuracy}; may be empty
 */
public record StageProgressEvent(StagePosition stage, long done, long total, Map<String, Double> metrics) {
    public StageProgressEvent {
        metrics = Map.copyOf(metrics);
    }
}
