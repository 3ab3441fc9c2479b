package org.metalearn4j.optimization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.Sgd;
import org.metalearn4j.core.optim.SgdConfig;

/** The outer-loop optimizer that applies the meta-gradient to the initialization (and learned step sizes). */
public record MetaOptimizerConfig(
        @JsonPropertyDescription("adam (PyTorch's betas and eps) or sgd (plain)") Kind type,
        @JsonPropertyDescription("its step size, scaled by the schedule") double learningRate,
        @JsonPropertyDescription("how the step size changes with the meta-iteration") LrSchedule schedule) {

    /** The optimizer algorithm. */
    public enum Kind {
        @JsonProperty("adam") ADAM,
        @JsonProperty("sgd") SGD
    }

    public MetaOptimizerConfig {
        Checks.oneOf("type", type, Kind.class);
        Checks.positive("learningRate", learningRate);
        Checks.present("schedule", schedule);
    }

    /** A constant step size. */
    public MetaOptimizerConfig(Kind type, double learningRate) {
        this(type, learningRate, LrSchedule.constant());
    }

    /** Adam with a constant learning rate of 1e-3, as in Finn et al. */
    public static MetaOptimizerConfig defaults() {
        return new MetaOptimizerConfig(Kind.ADAM, 1e-3);
    }

    /**
     * Sets {@code state}'s optimizer to the schedule's rate for the meta-iteration that follows the
     * {@code state.steps()} completed ones; a learner calls it before that iteration's updates.
     */
    public void scheduleNext(TrainingState state) {
        state.optimizer().setLearningRateFactor(schedule.factor(state.steps()));
    }

    /** A fresh optimizer with these settings; {@link #scheduleNext} applies the schedule. */
    public Optimizer create() {
        return switch (type) {
            case ADAM -> new Adam(AdamConfig.of(learningRate));
            case SGD -> new Sgd(SgdConfig.of(learningRate));
        };
    }
}
