package org.metalearn4j.core.env;

/**
 * One task's environment: a Markov decision process an agent acts in step by step. Made by an
 * {@link EnvironmentFamily} from the task's parameters; a fresh instance per rollout, so instances need not be
 * thread-safe. Randomness, if any, comes from the seed given to {@link #reset(long)}, so a rollout is a pure function
 * of the policy, the task and that seed.
 */
public interface Environment {

    /** Starts an episode; returns the first observation. */
    double[] reset(long seed);

    /** Applies {@code action} (the family says how actions outside its bounds are treated). */
    Transition step(double[] action);
}
