package org.metalearn4j.metric;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.optim.LrSchedule;

/** Adam settings of a metric learner. */
public record OptimizerConfig(
        @JsonPropertyDescription("Adam's base learning rate, scaled by the schedule") double learningRate,
        @JsonPropertyDescription("L2 penalty added to the gradient") double weightDecay,
        @JsonPropertyDescription("how the learning rate changes with the step") LrSchedule schedule) {
    public OptimizerConfig {
        Checks.positive("learningRate", learningRate);
        Checks.nonNegative("weightDecay", weightDecay);
        Checks.present("schedule", schedule);
    }

    /** Adam at 1e-3, halved every 2000 steps, no weight decay (Snell et al.'s ProtoNet recipe). */
    public static OptimizerConfig defaults() {
        return new OptimizerConfig(1e-3, 0, LrSchedule.halvingEvery(2000));
    }
}
