package org.metalearn4j.metric;

import java.util.Objects;
import org.metalearn4j.core.optim.LrSchedule;

/**
 * Adam settings of a metric learner.
 *
 * @param learningRate base learning rate, scaled by {@code schedule}
 * @param weightDecay  L2 penalty added to the gradient
 * @param schedule     how the learning rate changes with the step
 */
public record OptimizerConfig(double learningRate, double weightDecay, LrSchedule schedule) {
    public OptimizerConfig {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate: must be > 0, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay: must be >= 0, got " + weightDecay);
        }
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Adam at 1e-3, halved every 2000 steps, no weight decay (Snell et al.'s ProtoNet recipe). */
    public static OptimizerConfig defaults() {
        return new OptimizerConfig(1e-3, 0, LrSchedule.halvingEvery(2000));
    }
}
