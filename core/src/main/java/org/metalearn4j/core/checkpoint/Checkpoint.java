package org.metalearn4j.core.checkpoint;

import java.util.Objects;
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
 */
public record Checkpoint(int iteration, StateDict state, String configJson, Provenance provenance) {
    public Checkpoint {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(configJson, "configJson");
        Objects.requireNonNull(provenance, "provenance");
    }
}
