package org.metalearn4j.core.event;

/**
 * A resumed pipeline run reuses a stage's saved artifact instead of running the stage.
 *
 * @param stage    which stage
 * @param artifact the saved artifact file it reuses
 */
public record StageReused(StagePosition stage, String artifact) {
}
