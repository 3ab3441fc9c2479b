package org.metalearn4j.optimization.rl;

import org.metalearn4j.core.env.Environment;
import org.metalearn4j.core.env.EnvironmentFamily;
import org.metalearn4j.core.env.Transition;

/**
 * A point moving by its clipped action towards a goal, rewarded with minus the distance: the navigation dynamics
 * written out here, so the learner's tests do not depend on the datasets module.
 */
final class TinyNavigation implements EnvironmentFamily {
    private final int horizon;

    TinyNavigation(int horizon) {
        this.horizon = horizon;
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
        return horizon;
    }

    @Override
    public Environment environment(double[] goal) {
        return new Environment() {
            private final double[] position = new double[2];

            @Override
            public double[] reset(long seed) {
                position[0] = 0;
                position[1] = 0;
                return position.clone();
            }

            @Override
            public Transition step(double[] action) {
                position[0] += Math.max(-0.1, Math.min(0.1, action[0]));
                position[1] += Math.max(-0.1, Math.min(0.1, action[1]));
                return new Transition(position.clone(), -Math.hypot(position[0] - goal[0], position[1] - goal[1]),
                        false);
            }
        };
    }
}
