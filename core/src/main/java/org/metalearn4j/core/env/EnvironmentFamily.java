package org.metalearn4j.core.env;

/**
 * A distribution of environments, one per task: a task's parameters (a goal position, a target velocity) select the
 * environment, and an {@link EnvironmentDataset} draws the parameters per split and seed. The family fixes what every
 * task shares: the sizes of observations and actions and the episode length.
 */
public interface EnvironmentFamily {

    /** Width of an observation vector. */
    int observationSize();

    /** Width of an action vector. */
    int actionSize();

    /** Width of a task's parameter vector. */
    int parameterSize();

    /** Steps per episode, unless it ends earlier ({@link Transition#done()}). */
    int horizon();

    /** The environment of the task with these parameters; fails naming the expected width if it differs. */
    Environment environment(double[] parameters);
}
