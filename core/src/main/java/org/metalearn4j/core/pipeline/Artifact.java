package org.metalearn4j.core.pipeline;

import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.state.StateDict;

/**
 * The output of a pipeline stage: parameters, metrics and provenance (which stage, dataset, config and seed made it,
 * in the spirit of Tribuo's provenance), so every trained artefact records how it was made.
 */
public record Artifact(ArtifactKind kind, StateDict state, Map<String, Double> metrics,
                       Map<String, String> provenance) {
    public Artifact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        metrics = Map.copyOf(metrics);
        provenance = Map.copyOf(provenance);
    }

    public static Artifact none() {
        return new Artifact(ArtifactKind.NONE, new StateDict(), Map.of(), Map.of());
    }
}
