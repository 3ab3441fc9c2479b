package org.metalearn4j.core.learner;

import java.util.Optional;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns a support set into a task-specific {@link Predictor} (fine-tuning steps, prototypes, a generated network...).
 * An adapter sees only the support set (and the task's descriptor, when the data set provides one), never the query
 * set, and the predictor it returns shares no mutable state with the next episode's.
 */
@FunctionalInterface
public interface Adapter {
    Predictor adapt(Examples support, TaskType type, int ways);

    /**
     * As {@link #adapt(Examples, TaskType, int)} with the task's descriptor ({@link
     * org.metalearn4j.core.task.Task#descriptor()}); adapters that can use one override this, the others ignore it.
     * The evaluator always calls this form.
     */
    default Predictor adapt(Examples support, TaskType type, int ways, Optional<INDArray> descriptor) {
        return adapt(support, type, ways);
    }
}
