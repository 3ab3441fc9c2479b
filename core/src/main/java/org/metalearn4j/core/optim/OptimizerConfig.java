package org.metalearn4j.core.optim;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;

/**
 * Adam with a learning-rate schedule and L2 weight decay, as a learner's configuration writes it (metric learners,
 * MetaGAN's classifier and generator, the few-shot generator). The learner applies {@link #schedule()} before each
 * step with {@link Optimizer#setLearningRateFactor}.
 */
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

    /** Adam at {@code learningRate} without decay or weight decay (Finn et al.'s meta-optimizer). */
    public static OptimizerConfig constant(double learningRate) {
        return new OptimizerConfig(learningRate, 0, LrSchedule.constant());
    }

    /** A fresh Adam with PyTorch's betas and eps and these settings. */
    public Adam create() {
        return new Adam(new AdamConfig(learningRate, 0.9, 0.999, 1e-8, weightDecay, List.of()));
    }
}
