package org.metalearn4j.core.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An {@link EnsembleAdapter} whose members all embed their examples first: the ensemble embeds too, each example's
 * row being the members' embeddings side by side, so that an evaluation embeds each image once for all members
 * instead of once per episode and member. On embeddings each member adapts on its own columns and the predictions are
 * combined as {@link EnsembleAdapter} combines them, so both ways give the same numbers.
 */
final class EmbeddingEnsemble implements EmbeddingAdapter {
    private final List<EmbeddingAdapter> members;
    private final EnsembleAdapter whole;
    /** Each member's embedding width, known from the first {@link #embed}; the same for every batch. */
    private final AtomicReference<long[]> widths = new AtomicReference<>();

    EmbeddingEnsemble(List<EmbeddingAdapter> members) {
        this.members = List.copyOf(members);
        this.whole = new EnsembleAdapter(List.copyOf(members));
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        return whole.adapt(support, type, ways);
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways, Optional<INDArray> descriptor) {
        return whole.adapt(support, type, ways, descriptor);
    }

    @Override
    public INDArray embed(INDArray x) {
        INDArray[] parts = new INDArray[members.size()];
        long[] w = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = members.get(i).embed(x);
            w[i] = parts[i].size(1);
        }
        long[] known = widths.compareAndExchange(null, w);
        if (known != null && !Arrays.equals(known, w)) {
            throw new IllegalStateException("ensemble: member embedding widths changed from " + Arrays.toString(known)
                    + " to " + Arrays.toString(w));
        }
        return Nd4j.hstack(parts);
    }

    @Override
    public Adapter onEmbeddings() {
        List<Adapter> onEmbeddings = members.stream().map(EmbeddingAdapter::onEmbeddings).toList();
        return (WithDescriptor) (support, type, ways, descriptor) -> {
            long[] w = widths.get();
            if (w == null) {
                throw new IllegalStateException("ensemble: adapting on embeddings before any were made by embed");
            }
            List<Adapter> columns = new ArrayList<>(w.length);
            long from = 0;
            for (int i = 0; i < w.length; i++) {
                columns.add(columns(onEmbeddings.get(i), from, from + w[i]));
                from += w[i];
            }
            return new EnsembleAdapter(columns).adapt(support, type, ways, descriptor);
        };
    }

    /** {@code member} reading columns {@code [from, to)} of the stored embeddings, support and queries alike. */
    private static Adapter columns(Adapter member, long from, long to) {
        return (WithDescriptor) (support, type, ways, descriptor) -> {
            Predictor p = member.adapt(new Examples(slice(support.x(), from, to), support.y()), type, ways,
                    descriptor);
            if (p instanceof ProbabilisticPredictor probabilistic) {
                return (ProbabilisticPredictor) x -> probabilistic.distribution(slice(x, from, to));
            }
            return x -> p.predict(slice(x, from, to));
        };
    }

    /** An adapter written as its form with a task descriptor; the form without one passes none. */
    @FunctionalInterface
    private interface WithDescriptor extends Adapter {
        @Override
        Predictor adapt(Examples support, TaskType type, int ways, Optional<INDArray> descriptor);

        @Override
        default Predictor adapt(Examples support, TaskType type, int ways) {
            return adapt(support, type, ways, Optional.empty());
        }
    }

    private static INDArray slice(INDArray embeddings, long from, long to) {
        return embeddings.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)).dup('c');
    }
}
