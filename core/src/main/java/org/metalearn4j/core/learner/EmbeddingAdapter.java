package org.metalearn4j.core.learner;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An adapter that first maps every example through a fixed embedding and then adapts on the embeddings alone: a metric
 * learner with batch norm in evaluation mode, or any frozen feature extractor. An evaluation can then embed each
 * stored example of a split once and draw its episodes over the stored embeddings, instead of embedding the same
 * images again in every episode (core's {@code Evaluator} does this for seeded episode samplers).
 *
 * <p>Contract, so that both ways give the same numbers bit for bit: row {@code i} of {@link #embed} depends on input
 * {@code i} alone, whatever else is in the batch and however large it is (no batch statistics), and
 * {@code adapt(support, type, ways)} answers a query batch {@code x} exactly as
 * {@code onEmbeddings().adapt(new Examples(embed(support.x()), support.y()), type, ways)} answers {@code embed(x)}.
 * Like any adapter, it keeps nothing from one episode to the next.
 */
public interface EmbeddingAdapter extends Adapter {

    /** Embeddings {@code [n, d]} of a batch of examples {@code [n, ...]}, each row from its own example alone. */
    INDArray embed(INDArray x);

    /** The same adaptation on examples that {@link #embed} has already embedded, support and queries alike. */
    Adapter onEmbeddings();
}
