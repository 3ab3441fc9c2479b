package org.metalearn4j.core.env;

import java.util.Objects;

/**
 * What one action in an {@link Environment} led to.
 *
 * @param observation what the agent sees next
 * @param reward      the reward for this step
 * @param done        true when the episode ended (a goal was reached); the environment is then to be reset
 */
public record Transition(double[] observation, double reward, boolean done) {
    public Transition {
        observation = Objects.requireNonNull(observation, "observation").clone();
    }

    @Override
    public double[] observation() {
        return observation.clone();
    }
}
