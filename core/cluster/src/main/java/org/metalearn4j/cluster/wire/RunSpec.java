package org.metalearn4j.cluster.wire;

import java.util.Objects;

/**
 * What a worker needs to compute a run's tasks exactly as the coordinator would: the run's effective configuration
 * (learner and data set with their params, the training episodes' shape) and the learner context the coordinator built
 * from its data set, so that a worker without the data set can still create the learner.
 *
 * @param runId       the run's id in every later message
 * @param coordinator the coordinator's cluster node id (a worker forgets the run when that node leaves)
 * @param version     the coordinator's metalearn4j version; a worker of another version refuses the run
 * @param nd4j        the coordinator's ND4J version; likewise
 * @param configJson  the effective run configuration
 * @param inputShape  the learner context's input shape
 * @param taskType    its task type
 * @param ways        its ways
 * @param outputs     its outputs
 * @param seed        its seed
 */
public record RunSpec(String runId, String coordinator, String version, String nd4j, String configJson,
                      long[] inputShape, String taskType, int ways, int outputs, long seed) {
    public RunSpec {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(configJson, "configJson");
        inputShape = inputShape.clone();
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }
}
