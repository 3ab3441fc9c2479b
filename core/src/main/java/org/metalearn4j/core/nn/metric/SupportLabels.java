package org.metalearn4j.core.nn.metric;

import java.util.Arrays;
import org.metalearn4j.core.nn.ClassMeans;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The class labels of a support set, validated once, with the constant matrices the heads build from them.
 *
 * @param labels support labels, each in {@code [0, ways)}
 * @param ways   number of classes; every class has at least one support example
 */
public record SupportLabels(int[] labels, int ways) {
    public SupportLabels {
        labels = labels.clone();
        if (ways < 1) {
            throw new IllegalArgumentException("support: ways must be >= 1, got " + ways);
        }
        int[] counts = new int[ways];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= ways) {
                throw new IllegalArgumentException("support: label " + labels[i] + " at index " + i
                        + " is outside [0, " + ways + ")");
            }
            counts[labels[i]]++;
        }
        for (int c = 0; c < ways; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("support: class " + c + " of " + ways
                        + " has no example; labels " + Arrays.toString(labels));
            }
        }
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int size() {
        return labels.length;
    }

    /** {@code [size, ways]} with a 1 at each example's class. */
    public Tensor oneHot(DataType type) {
        INDArray m = Nd4j.zeros(type, labels.length, ways);
        for (int i = 0; i < labels.length; i++) {
            m.putScalar(i, labels[i], 1.0);
        }
        return Tensor.constant(m);
    }

    /** Class means (prototypes) {@code [ways, d]} of the support embeddings {@code [size, d]}. */
    public Tensor classMeans(Tensor support) {
        return ClassMeans.of(support, labels, ways);
    }

    /**
     * {@code [1, ways, size]}: 0 where the example belongs to the class, {@code -big} elsewhere; added to scores it
     * restricts a max over examples to one class.
     */
    public Tensor classMask(DataType type, double big) {
        INDArray m = Nd4j.valueArrayOf(new long[] {1, ways, labels.length}, -big, type);
        for (int i = 0; i < labels.length; i++) {
            m.putScalar(new long[] {0, labels[i], i}, 0.0);
        }
        return Tensor.constant(m);
    }
}
