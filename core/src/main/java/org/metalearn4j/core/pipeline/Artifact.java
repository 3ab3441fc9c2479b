package org.metalearn4j.core.pipeline;

import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.state.StateDict;

/**
 * The output of a pipeline stage: parameters, metrics and provenance (library versions, git commit, time and seed,
 * plus which stage, dataset and config made it as {@link Provenance#details()}, in the spirit of Tribuo's provenance),
 * so every trained artefact records how it was made. It is saved as a model file ({@link #toCheckpoint()}), the
 * format training checkpoints have, so a LEARNER artifact can be used wherever a trained model is expected.
 *
 * @param model      what rebuilds the learner without its data set (LEARNER artifacts), or null
 * @param configJson the configuration that trains such a learner with {@code metalearn train} (so that
 *                   {@code metalearn eval} can score it), or {@code {}} where there is none
 */
public record Artifact(ArtifactKind kind, StateDict state, Map<String, Double> metrics, Provenance provenance,
                       ModelDescription model, String configJson) {
    public Artifact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(configJson, "configJson");
    }

    /** An artifact that holds no learner to rebuild. */
    public Artifact(ArtifactKind kind, StateDict state, Map<String, Double> metrics, Provenance provenance) {
        this(kind, state, metrics, provenance, null, "{}");
    }

    /** What the first stage of a pipeline starts from when it is given no saved artifact. */
    public static Artifact none() {
        return new Artifact(ArtifactKind.NONE, new StateDict(), Map.of(), Provenance.current(0));
    }

    /** This artifact with other provenance. */
    public Artifact withProvenance(Provenance other) {
        return new Artifact(kind, state, metrics, other, model, configJson);
    }

    /** This artifact with the description and training configuration of the learner it holds. */
    public Artifact withModel(ModelDescription description, String trainingConfigJson) {
        return new Artifact(kind, state, metrics, provenance, description, trainingConfigJson);
    }

    /** This artifact as the contents of a model file. */
    public Checkpoint toCheckpoint() {
        return new Checkpoint(0, state, configJson, provenance, model, kind, metrics);
    }

    /** The artifact a model file holds; a training checkpoint reads as a LEARNER artifact. */
    public static Artifact of(Checkpoint checkpoint) {
        return new Artifact(checkpoint.kind(), checkpoint.state(), checkpoint.metrics(), checkpoint.provenance(),
                checkpoint.model(), checkpoint.configJson());
    }
}
