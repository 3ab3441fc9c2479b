package org.metalearn4j.core.task;

/** What a task's targets are, which decides the loss and the reported metric (accuracy or MSE). */
public enum TaskType {
    /** Integer class labels 0..ways-1; metric: accuracy. */
    CLASSIFICATION,
    /** Real-valued targets; metric: mean squared error. */
    REGRESSION
}
