package org.metalearn4j.metric.providers;

import java.util.Objects;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.metric.OptimizerConfig;

/**
 * Configuration of {@code matchingnet}.
 *
 * @param backbone             embedding network
 * @param cosineScale          multiplier of cosine similarities before the attention softmax
 * @param fullContextEmbedding re-encode support (bidirectional LSTM) and queries (attention LSTM)
 * @param fceSteps             attention-LSTM steps of the query encoder (full context only)
 * @param optimizer            Adam and learning-rate schedule
 */
public record MatchingNetConfig(BackboneSpec backbone, double cosineScale, boolean fullContextEmbedding,
                                int fceSteps, OptimizerConfig optimizer) {
    public MatchingNetConfig {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(optimizer, "optimizer");
        if (!(cosineScale > 0)) {
            throw new IllegalArgumentException("cosineScale: must be > 0, got " + cosineScale);
        }
        if (fceSteps < 1) {
            throw new IllegalArgumentException("fceSteps: must be >= 1, got " + fceSteps);
        }
    }
}
