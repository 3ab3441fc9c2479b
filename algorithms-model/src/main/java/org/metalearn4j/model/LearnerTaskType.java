package org.metalearn4j.model;

import java.util.Locale;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.task.TaskType;

/**
 * The check every provider here makes in {@code create}: the context's task type is the one the learner learns. The
 * {@code train} command and the {@code meta-train} stage refuse the mismatch earlier, naming the data set too
 * ({@link org.metalearn4j.core.learner.LearnerProvider#taskTypes}); this covers learners created directly.
 */
public final class LearnerTaskType {
    private LearnerTaskType() {
    }

    /** Fails naming {@code learner}, the type it learns and the context's. */
    public static void require(String learner, TaskType learns, LearnerContext context) {
        if (context.type() != learns) {
            throw new IllegalArgumentException("learner '" + learner + "' learns " + lower(learns)
                    + " tasks only, but the data set's tasks are " + lower(context.type()));
        }
    }

    private static String lower(TaskType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
