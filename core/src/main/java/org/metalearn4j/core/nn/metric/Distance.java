package org.metalearn4j.core.nn.metric;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.metalearn4j.core.tensor.Distances;
import org.metalearn4j.core.tensor.Tensor;

/** How a query is compared with a prototype; the result is a logit (larger = closer). */
public enum Distance {
    /** Negative squared Euclidean distance (Snell et al.); written {@code euclidean} in configurations. */
    @JsonProperty("euclidean") SQUARED_EUCLIDEAN,
    /** Cosine similarity times a scale, so that softmax over [-1, 1] is not nearly uniform; {@code cosine}. */
    @JsonProperty("cosine") COSINE;

    /** {@code [queries, prototypes]} logits. */
    public Tensor logits(Tensor query, Tensor prototypes, double cosineScale) {
        return switch (this) {
            case SQUARED_EUCLIDEAN -> Distances.pairwiseSquaredEuclidean(query, prototypes).neg();
            case COSINE -> Distances.cosineSimilarity(query, prototypes, 1e-8).mul(cosineScale);
        };
    }
}
