package org.metalearn4j.core.nn.metric;

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
     * Query logits and the training loss of one episode; by default {@link #logits} and their mean cross-entropy.
     * Heads trained on another objective override this and compute what the two share once.
     */
    default Scored score(Params params, Tensor support, SupportLabels labels, Tensor query, int[] queryLabels) {
        Tensor logits = logits(params, support, labels, query);
        return new Scored(logits, Losses.crossEntropy(logits, queryLabels));
    }

    /**
     * What {@link #score} returns.
     *
     * @param logits query class scores {@code [queries, ways]}
     * @param loss   the scalar training loss
     */
    record Scored(Tensor logits, Tensor loss) {
    }
}
