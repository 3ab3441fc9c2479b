package org.metalearn4j.core.event;

/**
 * A resumed pipeline run cannot reuse a stage's saved artifact, so that stage and every later one run again.
 *
 * @param stage  the first stage that runs again
 * @param reason names the artifact file and what is missing, corrupt or different
 */
public record ResumeStopped(StagePosition stage, String reason) {
}
