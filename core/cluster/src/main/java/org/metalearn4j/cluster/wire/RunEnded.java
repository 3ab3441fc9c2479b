package org.metalearn4j.cluster.wire;

/**
 * A run is over; its workers release its learner.
 *
 * @param runId the run
 */
public record RunEnded(String runId) {
}
