package org.metalearn4j.core.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** A learning-rate multiplier as a function of the training step (0 for the first step). */
public record LrSchedule(
        @JsonPropertyDescription("constant; step: multiply by gamma every 'every' steps (Snell et al. halve every"
                + " 2000 episodes); cosine: anneal from 1 to minFactor over 'every' steps, then stay there")
        Kind type,
        @JsonPropertyDescription("step decay period, or cosine length, in steps") int every,
        @JsonPropertyDescription("step decay factor in (0, 1]") double gamma,
        @JsonPropertyDescription("the cosine schedule's final multiplier in [0, 1]") double minFactor) {

    /** How the multiplier changes with the step. */
    public enum Kind {
        /** Always 1. */
        @JsonProperty("constant") CONSTANT,
        /** {@code gamma^(step / every)}. */
        @JsonProperty("step") STEP,
        /** Half a cosine from 1 down to {@code minFactor} over {@code every} steps. */
        @JsonProperty("cosine") COSINE
    }

    public LrSchedule {
        Checks.oneOf("type", type, Kind.class);
        Checks.atLeast("every", every, 1);
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma: expected a number in (0, 1], got " + gamma);
        }
        Checks.between("minFactor", minFactor, 0, 1);
    }

    /**
     * {@code factor} if an optimizer can scale its learning rates by it ({@link Optimizer#setLearningRateFactor}).
     *
     * @throws IllegalArgumentException if it is negative, infinite or NaN
     */
    public static double checkedFactor(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("learning-rate factor must be finite and >= 0, got " + factor);
        }
        return factor;
    }

    /** Halves the learning rate every {@code every} steps. */
    public static LrSchedule halvingEvery(int every) {
        return new LrSchedule(Kind.STEP, every, 0.5, 0);
    }

    /** No decay. */
    public static LrSchedule constant() {
        return new LrSchedule(Kind.CONSTANT, 1, 1, 0);
    }

    /** The multiplier of the base learning rate at {@code step}. */
    public double factor(long step) {
        return switch (type) {
            case STEP -> Math.pow(gamma, step / every);
            case COSINE -> {
                double t = Math.min(step, every) / (double) every;
                yield minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * t));
            }
            case CONSTANT -> 1.0;
        };
    }
}
