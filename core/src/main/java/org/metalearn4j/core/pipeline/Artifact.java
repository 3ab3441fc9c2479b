package org.metalearn4j.core.pipeline;

import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.state.StateDict;

/**
 * The output of a pipeline stage: parameters, metrics and provenance (library versions, git commit, time and seed,
 * plus which stage, dataset and config made it as {@link Provenance#details()}, in the spirit of Tribuo's provenance),
 * so every trained artefact records how it was made. Checkpoints carry the same {@link Provenance} record.
 */
public record Artifact(ArtifactKind kind, StateDict state, Map<String, Double> metrics, Provenance provenance) {
    public Artifact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        metrics = Map.copyOf(metrics);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** What the first stage of a pipeline starts from when it is given no saved artifact. */
    public static Artifact none() {
        return new Artifact(ArtifactKind.NONE, new StateDict(), Map.of(), Provenance.current(0));
    }
}
