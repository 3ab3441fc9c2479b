package org.metalearn4j.core.nn.metric;

import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.tensor.Tensor;

/**
 * One episode through a {@link MetricModel}.
 *
 * @param loss        the head's training loss (a scalar in the graph when gradients are recorded)
 * @param logits      query class scores {@code [queries, ways]}
 * @param queryLabels the queries' true classes
 */
public record EpisodeResult(Tensor loss, Tensor logits, int[] queryLabels) {

    /** Fraction of queries whose largest logit is their class. */
    public double accuracy() {
        return Accuracy.of(logits.value(), queryLabels);
    }
}
