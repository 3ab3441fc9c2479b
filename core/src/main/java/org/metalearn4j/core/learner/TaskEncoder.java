package org.metalearn4j.core.learner;

import org.metalearn4j.core.task.Examples;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Maps a task's support set to a fixed-size vector such that tasks whose solutions are close get close vectors: the
 * learner-independent task embedding that hypernetworks condition on, learned optimizers can read, and a "nearest
 * known task" warm start ({@link KnownTasks}) searches with. Implementations are frozen snapshots: encoding never
 * changes them and they are safe to share between threads.
 */
public interface TaskEncoder {

    /** Length of every embedding. */
    int dimension();

    /** The embedding of a support set, a float32 vector of length {@link #dimension()}. */
    INDArray encode(Examples support);

    /** A learner that trains a {@link TaskEncoder} and hands out snapshots of it. */
    interface Trained {
        /** The encoder with the learner's current parameters; later training does not change it. */
        TaskEncoder taskEncoder();
    }
}
