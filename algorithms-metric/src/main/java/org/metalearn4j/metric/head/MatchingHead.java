package org.metalearn4j.metric.head;

import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.nn.metric.MetricHead;
import org.metalearn4j.core.nn.metric.SupportLabels;
import org.metalearn4j.core.tensor.Distances;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Matching Networks (Vinyals et al. 2016): a query's class distribution is the label distribution of the support set
 * weighted by softmax attention over scaled cosine similarities; the logits are its logarithm. Optionally with
 * {@link FullContextEmbedding full-context embeddings}.
 *
 * @param embedding   width of the backbone's embeddings
 * @param cosineScale multiplier of cosine similarities before the softmax
 * @param fullContext use full-context embeddings
 * @param fceSteps    attention-LSTM steps of the full-context query encoder
 */
public record MatchingHead(int embedding, double cosineScale, boolean fullContext, int fceSteps)
        implements MetricHead {
    /** Keeps log() finite when the attention on a class underflows to zero. */
    private static final double FLOOR = 1e-20;

    public MatchingHead {
        if (embedding < 1 || fceSteps < 1) {
            throw new IllegalArgumentException("matching head: embedding and fceSteps must be >= 1, got " + embedding
                    + ", " + fceSteps);
        }
    }

    @Override
    public Module module() {
        return fullContext ? fce().module() : Sequential.of();
    }

    @Override
    public Tensor logits(Params params, Tensor support, SupportLabels labels, Tensor query) {
        Tensor g = support;
        Tensor f = query;
        if (fullContext) {
            g = fce().support(params, support);
            f = fce().query(params, query, g);
        }
        Tensor attention = Distances.cosineSimilarity(f, g, 1e-8).mul(cosineScale).softmax(1);
        return attention.matmul(labels.oneHot(attention.dataType())).add(FLOOR).log();
    }

    private FullContextEmbedding fce() {
        return new FullContextEmbedding(embedding, fceSteps);
    }
}
