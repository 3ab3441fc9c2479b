package org.metalearn4j.datasets.rl;

import java.util.SplittableRandom;
import org.metalearn4j.core.env.Environment;
import org.metalearn4j.core.env.EnvironmentFamily;

/** {@link PointNavigation} environments, one per goal; a task's parameters are its goal {@code (x, y)}. */
public final class Navigation2dFamily implements EnvironmentFamily {
    private final Navigation2dConfig config;

    public Navigation2dFamily(Navigation2dConfig config) {
        this.config = config;
    }

    @Override
    public int observationSize() {
        return 2;
    }

    @Override
    public int actionSize() {
        return 2;
    }

    @Override
    public int parameterSize() {
        return 2;
    }

    @Override
    public int horizon() {
        return config.horizon();
    }

    @Override
    public Environment environment(double[] goal) {
        if (goal.length != 2) {
            throw new IllegalArgumentException("nav2d: a goal has 2 coordinates, got " + goal.length);
        }
        return new PointNavigation(goal[0], goal[1], config.actionLimit(), config.goalTolerance());
    }

    /** A goal uniform in the configured square; a pure function of the seed. */
    public double[] sampleGoal(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double width = config.goalHigh() - config.goalLow();
        return new double[] {config.goalLow() + width * random.nextDouble(),
            config.goalLow() + width * random.nextDouble()};
    }
}
