package org.metalearn4j.core.nn.metric;

import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.Sequential;
import org.metalearn4j.core.tensor.Tensor;

/**
 * Prototypical Networks (Snell et al. 2017): each class is the mean of its support embeddings, and a query's logit for
 * a class is its negative distance to that prototype. No learned parameters of its own.
 *
 * <p>With {@code refinementSteps > 0} the prototypes of an adapted episode are refined transductively with the
 * unlabelled queries, soft k-means style (Ren et al. 2018): each step recomputes every prototype as the mean of its
 * support embeddings and of all query embeddings weighted by their current softmax assignment to the class. Only the
 * scoring of queries ({@link #logits}) refines; the training loss ({@link #score}) uses the plain prototypes.
 *
 * @param distance        squared Euclidean or scaled cosine
 * @param cosineScale     multiplier of cosine similarities (unused for Euclidean)
 * @param refinementSteps soft k-means steps over the queries when scoring them, 0 for none
 */
public record PrototypeHead(Distance distance, double cosineScale, int refinementSteps) implements MetricHead {
    public PrototypeHead {
        if (refinementSteps < 0) {
            throw new IllegalArgumentException("refinementSteps must be >= 0, got " + refinementSteps);
        }
    }

    /** Snell et al.'s head, without refinement. */
    public PrototypeHead(Distance distance, double cosineScale) {
        this(distance, cosineScale, 0);
    }

    @Override
    public Module module() {
        return Sequential.of();
    }

    @Override
    public Tensor logits(Params params, Tensor support, SupportLabels labels, Tensor query) {
        Tensor prototypes = labels.classMeans(support);
        if (refinementSteps > 0) {
            Tensor oneHot = labels.oneHot(support.dataType());
            Tensor supportSums = oneHot.matmul(support, true, false);
            Tensor counts = oneHot.sum(false, 0);
            for (int step = 0; step < refinementSteps; step++) {
                Tensor assignment = distance.logits(query, prototypes, cosineScale).softmax(1);
                Tensor weights = counts.add(assignment.sum(false, 0)).reshape(labels.ways(), 1);
                prototypes = supportSums.add(assignment.matmul(query, true, false)).div(weights);
            }
        }
        return distance.logits(query, prototypes, cosineScale);
    }

    /** The episode loss on the plain prototypes, whatever {@code refinementSteps} says. */
    @Override
    public Scored score(Params params, Tensor support, SupportLabels labels, Tensor query, int[] queryLabels) {
        Tensor logits = distance.logits(query, labels.classMeans(support), cosineScale);
        return new Scored(logits, Losses.crossEntropy(logits, queryLabels));
    }
}
