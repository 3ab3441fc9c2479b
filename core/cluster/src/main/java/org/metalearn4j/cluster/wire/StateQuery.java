package org.metalearn4j.cluster.wire;

/**
 * A worker asks the coordinator for the learner's {@code computeState()} of meta-iteration {@code version}, once per
 * meta-iteration, when its first task of that iteration arrives; the reply's payload is the state.
 *
 * @param runId   the run
 * @param version the meta-iteration
 */
public record StateQuery(String runId, long version) {
}
