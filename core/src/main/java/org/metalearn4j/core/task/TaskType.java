package org.metalearn4j.core.task;

/** What a task's targets are, which decides the loss and the reported metric (accuracy, MSE or return). */
public enum TaskType {
    /** Integer class labels 0..ways-1; metric: accuracy. */
    CLASSIFICATION,
    /** Real-valued targets; metric: mean squared error. */
    REGRESSION,
    /**
     * Acting in an environment (reinforcement learning): the task's examples carry its parameters, one row per
     * trajectory to sample, and no targets; rewards come from the environment
     * ({@link org.metalearn4j.core.env.EnvironmentDataset}); metric: the mean return.
     */
    CONTROL
}
