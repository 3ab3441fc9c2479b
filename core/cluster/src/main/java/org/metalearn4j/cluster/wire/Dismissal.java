package org.metalearn4j.cluster.wire;

/**
 * The coordinator no longer uses this worker for a run.
 *
 * @param runId  the run
 * @param reason why, for the worker's log
 */
public record Dismissal(String runId, String reason) {
}
