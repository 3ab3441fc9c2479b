package org.metalearn4j.core.event;

import java.util.Map;
import org.metalearn4j.core.pipeline.ArtifactKind;

/**
 * A pipeline stage ran and its artifact is saved.
 *
 * @param stage    which stage
 * @param kind     the kind of artifact it produced
 * @param metrics  the artifact's metrics
 * @param artifact the saved artifact file
 * @param seconds  how long the stage ran
 */
public record StageFinished(StagePosition stage, ArtifactKind kind, Map<String, Double> metrics, String artifact,
                            double seconds) {
    public StageFinished {
        metrics = Map.copyOf(metrics);
    }
}
