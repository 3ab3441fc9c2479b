package org.metalearn4j.core.learner;

import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;

/**
 * Turns a support set into a task-specific {@link Predictor} (fine-tuning steps, prototypes, a generated network...).
 * An adapter sees only the support set, never the query set, and the predictor it returns shares no mutable state
 * with the next episode's.
 */
@FunctionalInterface
public interface Adapter {
    Predictor adapt(Examples support, TaskType type, int ways);
}
