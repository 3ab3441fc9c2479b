package org.metalearn4j.core.nn.metric;

import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Prototypical Networks (Snell et al. 2017): each class is the mean of its support embeddings, and a query's logit for
 * a class is its negative distance to that prototype. No learned parameters of its own.
 *
 * @param distance    squared Euclidean or scaled cosine
 * @param cosineScale multiplier of cosine similarities (unused for Euclidean)
 */
public record PrototypeHead(Distance distance, double cosineScale) implements MetricHead {
    @Override
    public Module module() {
        return Sequential.of();
    }

    @Override
    public Tensor logits(Params params, Tensor support, SupportLabels labels, Tensor query) {
        return distance.logits(query, labels.classMeans(support), cosineScale);
    }
}
