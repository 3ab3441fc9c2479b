package org.metalearn4j.core.optim;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;

/** Adam with a learning-rate schedule and optional gradient clipping: how an episode-loss learner is trained. */
public record ScheduledAdamConfig(
        @JsonPropertyDescription("Adam's base learning rate, scaled by the schedule") double learningRate,
        @JsonPropertyDescription("L2 penalty added to the gradient") double weightDecay,
        @JsonPropertyDescription("how the learning rate changes with the step") LrSchedule schedule,
        @JsonPropertyDescription("clip the gradient to this global L2 norm; 0 disables clipping") double gradClip) {
    public ScheduledAdamConfig {
        Checks.positive("learningRate", learningRate);
        Checks.nonNegative("weightDecay", weightDecay);
        Checks.present("schedule", schedule);
        Checks.nonNegative("gradClip", gradClip);
    }

    /** Adam at {@code learningRate} (PyTorch's betas and eps), constant, no weight decay, no clipping. */
    public static ScheduledAdamConfig constant(double learningRate) {
        return new ScheduledAdamConfig(learningRate, 0, LrSchedule.constant(), 0);
    }

    /** A fresh optimizer with these settings (the schedule is applied per step by the learner). */
    public Adam create() {
        return new Adam(new AdamConfig(learningRate, 0.9, 0.999, 1e-8, weightDecay, List.of()));
    }
}
