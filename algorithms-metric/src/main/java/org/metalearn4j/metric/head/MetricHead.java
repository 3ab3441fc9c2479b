package org.metalearn4j.metric.head;

import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/**
 * How a metric learner classifies query embeddings given labelled support embeddings. Implementations are immutable;
 * learned parameters come in as {@link Params} on every call, declared by {@link #module()}.
 */
public interface MetricHead {

    /** Declares the head's own parameters (an empty {@code Sequential} when it has none); never run directly. */
    Module module();

    /**
     * Class scores of the queries: {@code [queries, ways]}, larger is more likely.
     *
     * @param params  the head's parameters
     * @param support embeddings {@code [supportSize, d]}
     * @param labels  support labels in {@code [0, ways)}, every class present
     * @param query   embeddings {@code [queries, d]}
     */
    Tensor logits(Params params, Tensor support, SupportLabels labels, Tensor query);

    /**
     * The training loss of one episode; by default the mean cross-entropy of {@code logits} (what
     * {@link #logits} returned for these inputs).
     */
    default Tensor loss(Params params, Tensor support, SupportLabels labels, Tensor query, Tensor logits,
                        int[] queryLabels) {
        return Losses.crossEntropy(logits, queryLabels);
    }
}
