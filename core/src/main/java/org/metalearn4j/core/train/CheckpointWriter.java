package org.metalearn4j.core.train;

import java.util.List;
import org.metalearn4j.core.learner.Learner;

/** Saves a {@link MetaTrainingLoop}'s learner, e.g. into a {@link org.metalearn4j.core.checkpoint.CheckpointStore}. */
@FunctionalInterface
public interface CheckpointWriter {
    /**
     * Writes the learner's state after {@code iteration} iterations, with the loop's recent steps (for
     * {@link TrainingCheckpoint}), and returns where it went.
     */
    String write(Learner learner, int iteration, List<LoopStart.RecentStep> recent);
}
