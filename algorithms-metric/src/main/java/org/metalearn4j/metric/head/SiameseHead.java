package org.metalearn4j.metric.head;

import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.metric.MetricHead;
import org.metalearn4j.core.nn.metric.SupportLabels;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Siamese networks (Koch et al. 2015): a pair's "same class" logit is a learned weighting of the absolute difference
 * of the two embeddings. Training is binary cross-entropy over every (query, support) pair of an episode, with
 * positives and negatives weighted equally; a query's score for a class is its most similar support example of that
 * class, so one-shot classification picks the nearest example.
 *
 * @param embedding width of the backbone's embeddings
 */
public record SiameseHead(int embedding) implements MetricHead {
    /** Added to pairs outside a class so they never win the per-class max. */
    private static final double MASKED = 1e9;

    public SiameseHead {
        if (embedding < 1) {
            throw new IllegalArgumentException("siamese head: embedding must be >= 1, got " + embedding);
        }
    }

    @Override
    public Module module() {
        return new Linear(embedding, 1);
    }

    /** Same-class logits of every (query, support) pair: {@code [queries, supportSize]}. */
    public Tensor pairLogits(Params params, Tensor support, Tensor query) {
        long q = query.shape()[0];
        long s = support.shape()[0];
        long d = query.shape()[1];
        Tensor diff = query.reshape(q, 1, d).sub(support.reshape(1, s, d)).abs();
        return module().forward(params, diff, ForwardContext.eval()).reshape(q, s);
    }

    @Override
    public Tensor logits(Params params, Tensor support, SupportLabels labels, Tensor query) {
        return perClass(pairLogits(params, support, query), labels);
    }

    @Override
    public Scored score(Params params, Tensor support, SupportLabels labels, Tensor query, int[] queryLabels) {
        Tensor z = pairLogits(params, support, query);
        int[] supportLabels = labels.labels();
        INDArray target = Nd4j.zeros(z.dataType(), queryLabels.length, supportLabels.length);
        long positives = 0;
        for (int i = 0; i < queryLabels.length; i++) {
            for (int j = 0; j < supportLabels.length; j++) {
                if (queryLabels[i] == supportLabels[j]) {
                    target.putScalar(i, j, 1.0);
                    positives++;
                }
            }
        }
        long negatives = target.length() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("siamese: an episode needs both same-class and different-class"
                    + " pairs, got " + positives + " and " + negatives + " (use at least 2 ways)");
        }
        // per-pair weights 0.5/positives or 0.5/negatives: the two kinds count equally whatever the way
        INDArray weight = target.mul(0.5 / positives - 0.5 / negatives).addi(0.5 / negatives);
        Tensor t = Tensor.constant(target);
        Tensor bce = z.softplus().sub(t.mul(z));
        return new Scored(perClass(z, labels), bce.mul(Tensor.constant(weight)).sum());
    }

    /** A query's score for a class: its most similar support example of that class. */
    private static Tensor perClass(Tensor pairs, SupportLabels labels) {
        long q = pairs.shape()[0];
        Tensor masked = pairs.reshape(q, 1, labels.size()).add(labels.classMask(pairs.dataType(), MASKED));
        return masked.max(false, 2);
    }
}
