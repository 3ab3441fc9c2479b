package org.metalearn4j.core.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tasks seen before, each with its {@link TaskEncoder} embedding and a solution (adapted weights, a fitted function):
 * a new task starts from the solution of the known task whose embedding is nearest (Euclidean). Immutable.
 *
 * @param <S> what a solution is
 */
public final class KnownTasks<S> {
    private final List<double[]> embeddings;
    private final List<S> solutions;

    private KnownTasks(List<double[]> embeddings, List<S> solutions) {
        this.embeddings = embeddings;
        this.solutions = solutions;
    }

    /** None yet. */
    public static <S> KnownTasks<S> empty() {
        return new KnownTasks<>(List.of(), List.of());
    }

    /** These tasks plus one more. */
    public KnownTasks<S> with(INDArray embedding, S solution) {
        Objects.requireNonNull(solution, "solution");
        double[] e = embedding.castTo(DataType.DOUBLE).reshape(embedding.length()).toDoubleVector();
        if (!embeddings.isEmpty() && embeddings.get(0).length != e.length) {
            throw new IllegalArgumentException("KnownTasks: embedding of length " + e.length + ", the others have "
                    + embeddings.get(0).length);
        }
        List<double[]> es = new ArrayList<>(embeddings);
        List<S> ss = new ArrayList<>(solutions);
        es.add(e);
        ss.add(solution);
        return new KnownTasks<>(List.copyOf(es), List.copyOf(ss));
    }

    public int size() {
        return solutions.size();
    }

    /**
     * The known task nearest to {@code embedding} (the first of equally near ones).
     *
     * @throws IllegalStateException when no task is known
     */
    public Nearest<S> nearest(INDArray embedding) {
        if (solutions.isEmpty()) {
            throw new IllegalStateException("KnownTasks: no known task to start from");
        }
        double[] e = embedding.castTo(DataType.DOUBLE).reshape(embedding.length()).toDoubleVector();
        int best = -1;
        double bestSq = Double.POSITIVE_INFINITY;
        for (int i = 0; i < embeddings.size(); i++) {
            double[] k = embeddings.get(i);
            if (k.length != e.length) {
                throw new IllegalArgumentException("KnownTasks: query embedding of length " + e.length
                        + ", known ones have " + k.length);
            }
            double sq = 0;
            for (int j = 0; j < e.length; j++) {
                sq += (e[j] - k[j]) * (e[j] - k[j]);
            }
            if (sq < bestSq) {
                bestSq = sq;
                best = i;
            }
        }
        return new Nearest<>(best, Math.sqrt(bestSq), solutions.get(best));
    }

    /**
     * The nearest known task.
     *
     * @param index    its position in insertion order
     * @param distance Euclidean distance between the embeddings
     * @param solution its solution
     */
    public record Nearest<S>(int index, double distance, S solution) {
    }
}
