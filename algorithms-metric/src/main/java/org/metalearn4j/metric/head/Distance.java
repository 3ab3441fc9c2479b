package org.metalearn4j.metric.head;

import org.metalearn4j.core.tensor.Distances;
import org.metalearn4j.core.tensor.Tensor;

/** How a query is compared with a prototype; the result is a logit (larger = closer). */
public enum Distance {
    /** Negative squared Euclidean distance (Snell et al.); config name {@code euclidean}. */
    SQUARED_EUCLIDEAN("euclidean"),
    /** Cosine similarity times a scale, so that softmax over [-1, 1] is not nearly uniform; {@code cosine}. */
    COSINE("cosine");

    private final String configName;

    Distance(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration files. */
    public String configName() {
        return configName;
    }

    /** The distance called {@code name} in a configuration; fails listing the accepted names. */
    public static Distance of(String name) {
        for (Distance d : values()) {
            if (d.configName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("distance: expected 'euclidean' or 'cosine', got '" + name + "'");
    }

    /** {@code [queries, prototypes]} logits. */
    public Tensor logits(Tensor query, Tensor prototypes, double cosineScale) {
        return switch (this) {
            case SQUARED_EUCLIDEAN -> Distances.pairwiseSquaredEuclidean(query, prototypes).neg();
            case COSINE -> Distances.cosineSimilarity(query, prototypes, 1e-8).mul(cosineScale);
        };
    }
}
