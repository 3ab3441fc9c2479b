package org.metalearn4j.core.learner;

import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.state.StateDict;

/**
 * What one task of a meta-batch contributes to a {@link TaskwiseLearner}'s update: named arrays (a meta-gradient,
 * adapted weights, particles) and the task's query loss and metric. Everything in it can be written to bytes
 * ({@link StateDict#write}), so it can come back from another thread or another process.
 *
 * @param tensors what the learner's update combines, by name
 * @param loss    the task's query loss
 * @param metric  its accuracy (classification) or MSE (regression), {@code NaN} if not computed
 * @param extras  learner-specific scalars, averaged over the batch by the learner if it reports them
 */
public record TaskResult(StateDict tensors, double loss, double metric, Map<String, Double> extras) {
    public TaskResult {
        Objects.requireNonNull(tensors, "tensors");
        extras = Map.copyOf(extras);
    }
}
