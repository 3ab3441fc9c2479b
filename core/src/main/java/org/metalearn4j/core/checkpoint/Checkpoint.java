package org.metalearn4j.core.checkpoint;

import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.pipeline.ArtifactKind;
import org.metalearn4j.core.state.StateDict;

/**
 * The contents of a model file ({@link CheckpointFile}), the one format every trainer writes: a training run's
 * snapshot from which training continues exactly, a pipeline stage's artifact, an example application's saved model.
 * It holds the learner's complete state (parameters, optimizer moments, its RNG state, counters), the iteration
 * reached, the configuration it was made with, provenance and, where known, what rebuilds the model without its
 * training data. The training loop itself keeps no RNG state: episode seeds are derived from the base seed and the
 * iteration.
 *
 * @param iteration  iterations completed
 * @param state      the learner's {@link org.metalearn4j.core.learner.Learner#state()} under {@code learner.}, or
 *                   a pipeline artifact's state
 * @param configJson the configuration it was made with, as JSON: a {@code metalearn train} run configuration, or the
 *                   settings of the stage or application that wrote it
 * @param provenance how it was made
 * @param model      what rebuilds the learner without its data set, or null where unknown (files written before
 *                   model descriptions were recorded, and artifacts that hold no learner)
 * @param kind       what the state is: {@link ArtifactKind#LEARNER} for every training checkpoint
 * @param metrics    a pipeline stage's metrics, empty for training checkpoints
 */
public record Checkpoint(int iteration, StateDict state, String configJson, Provenance provenance,
                         ModelDescription model, ArtifactKind kind, Map<String, Double> metrics) {
    public Checkpoint {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(configJson, "configJson");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(kind, "kind");
        metrics = Map.copyOf(metrics);
    }

    /** A learner's checkpoint without a model description. */
    public Checkpoint(int iteration, StateDict state, String configJson, Provenance provenance) {
        this(iteration, state, configJson, provenance, null);
    }

    /** A learner's checkpoint. */
    public Checkpoint(int iteration, StateDict state, String configJson, Provenance provenance,
                      ModelDescription model) {
        this(iteration, state, configJson, provenance, model, ArtifactKind.LEARNER, Map.of());
    }

    /** This checkpoint with {@code description} as its model description. */
    public Checkpoint withModel(ModelDescription description) {
        return new Checkpoint(iteration, state, configJson, provenance, description, kind, metrics);
    }
}
