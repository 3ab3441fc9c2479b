package org.metalearn4j.core.optim;

import java.util.Objects;

/**
 * A learning-rate multiplier as a function of the training step (0 for the first step).
 *
 * @param type       {@code constant}; {@code step}: multiply by {@code gamma} every {@code every} steps (Snell et al.
 *                   halve every 2000 episodes); {@code cosine}: anneal from 1 to {@code minFactor} over
 *                   {@code every} steps, then stay there
 * @param every      step decay period, or cosine length, in steps
 * @param gamma      step decay factor in (0, 1]
 * @param minFactor  the cosine schedule's final multiplier in [0, 1]
 */
public record LrSchedule(String type, int every, double gamma, double minFactor) {
    public static final String CONSTANT = "constant";
    public static final String STEP = "step";
    public static final String COSINE = "cosine";

    public LrSchedule {
        Objects.requireNonNull(type, "type");
        if (!type.equals(CONSTANT) && !type.equals(STEP) && !type.equals(COSINE)) {
            throw new IllegalArgumentException("type: expected 'constant', 'step' or 'cosine', got '" + type + "'");
        }
        if (every < 1) {
            throw new IllegalArgumentException("every: must be >= 1 steps, got " + every);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma: must be in (0, 1], got " + gamma);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("minFactor: must be in [0, 1], got " + minFactor);
        }
    }

    /** Halves the learning rate every {@code every} steps. */
    public static LrSchedule halvingEvery(int every) {
        return new LrSchedule(STEP, every, 0.5, 0);
    }

    /** No decay. */
    public static LrSchedule constant() {
        return new LrSchedule(CONSTANT, 1, 1, 0);
    }

    /** The multiplier of the base learning rate at {@code step}. */
    public double factor(long step) {
        return switch (type) {
            case STEP -> Math.pow(gamma, step / every);
            case COSINE -> {
                double t = Math.min(step, every) / (double) every;
                yield minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * t));
            }
            default -> 1.0;
        };
    }
}
