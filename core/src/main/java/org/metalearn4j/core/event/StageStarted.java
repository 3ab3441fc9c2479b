package org.metalearn4j.core.event;

/**
 * A pipeline stage starts running.
 *
 * @param stage   which stage
 * @param workDir the stage's own directory, where its artifact will be saved
 */
public record StageStarted(StagePosition stage, String workDir) {
}
