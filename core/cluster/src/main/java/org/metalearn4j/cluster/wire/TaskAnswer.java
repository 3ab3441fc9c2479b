package org.metalearn4j.cluster.wire;

import java.util.Map;

/**
 * A worker's result for a {@link TaskOrder}: the scalars of the learner's {@code TaskResult} here, its tensors as the
 * message's payload.
 *
 * @param runId          the run
 * @param worker         the worker's id
 * @param version        the order's meta-iteration
 * @param index          the order's task index
 * @param loss           the task's loss
 * @param metric         its metric
 * @param extras         its extras
 * @param computeSeconds how long {@code computeTask} took on the worker
 * @param queuedSeconds  how long the order waited on the worker for a free task thread
 */
public record TaskAnswer(String runId, String worker, long version, int index, double loss, double metric,
                         Map<String, Double> extras, double computeSeconds, double queuedSeconds) {
    public TaskAnswer {
        extras = Map.copyOf(extras);
    }
}
