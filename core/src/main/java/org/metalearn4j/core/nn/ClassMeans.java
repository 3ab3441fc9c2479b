package org.metalearn4j.core.nn;

import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Class means (prototypes, Snell et al. 2017) of labelled embeddings, differentiable in the embeddings: what
 * Prototypical Networks classify with and what Proto-MAML initialises its head from.
 */
public final class ClassMeans {
    private ClassMeans() {
    }

    /**
     * {@code [ways, size]} averaging weights: row {@code c} is {@code 1/n_c} on the examples of class {@code c}.
     *
     * @param labels each in {@code [0, ways)}; a class without examples gets a row of zeros
     */
    public static Tensor weights(int[] labels, int ways, DataType type) {
        int[] counts = new int[ways];
        for (int label : labels) {
            counts[label]++;
        }
        INDArray m = Nd4j.zeros(type, ways, labels.length);
        for (int i = 0; i < labels.length; i++) {
            m.putScalar(labels[i], i, 1.0 / counts[labels[i]]);
        }
        return Tensor.constant(m);
    }

    /** The mean embedding {@code [ways, d]} of each class, from embeddings {@code [size, d]} and their labels. */
    public static Tensor of(Tensor embeddings, int[] labels, int ways) {
        return weights(labels, ways, embeddings.dataType()).matmul(embeddings);
    }
}
