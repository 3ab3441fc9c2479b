package org.metalearn4j.core.checkpoint;

import java.util.Objects;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.state.StateDict;

/**
 * A snapshot from which training continues exactly: the learner's complete state (parameters, optimizer moments, its
 * RNG state, counters), the iteration reached, the run configuration and provenance. The training loop itself keeps no
 * RNG state: episode seeds are derived from the base seed and the iteration.
 *
 * @param iteration  iterations completed
 * @param state      the learner's {@link org.metalearn4j.core.learner.Learner#state()}
 * @param configJson the run configuration as JSON
 * @param provenance how it was made
 * @param model      what rebuilds the learner without its data set, or null in checkpoints written before model
 *                   descriptions were recorded (loading those for inference reopens the data set)
 */
public record Checkpoint(int iteration, StateDict state, String configJson, Provenance provenance,
                         ModelDescription model) {
    public Checkpoint {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(configJson, "configJson");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A checkpoint without a model description. */
    public Checkpoint(int iteration, StateDict state, String configJson, Provenance provenance) {
        this(iteration, state, configJson, provenance, null);
    }

    /** This checkpoint with {@code description} as its model description. */
    public Checkpoint withModel(ModelDescription description) {
        return new Checkpoint(iteration, state, configJson, provenance, description);
    }
}
