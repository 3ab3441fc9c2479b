package org.metalearn4j.core.learner;

import java.util.EnumSet;
import java.util.Set;
import org.metalearn4j.core.spi.Provider;
import org.metalearn4j.core.task.TaskType;

/** Discovered through {@link java.util.ServiceLoader}: one class plus a {@code META-INF/services} line per learner. */
public interface LearnerProvider<C extends Record> extends Provider<C> {

    /** Builds a learner; called once per run, after the configuration has been validated. */
    Learner create(C config, LearnerContext context);

    /**
     * The task types this learner can learn. Whoever creates a learner for a data set ({@code metalearn train}, the
     * {@code meta-train} stage) refuses other types before training, naming the learner, the data set and the type.
     */
    default Set<TaskType> taskTypes() {
        return EnumSet.allOf(TaskType.class);
    }
}
