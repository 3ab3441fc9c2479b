package org.metalearn4j.transfer.zeroshot;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A classifier for any set of classes given only their descriptors, including classes never seen in training. */
public interface ZeroShotModel {

    /**
     * Compatibility scores (higher = more likely) of each example with each class.
     *
     * @param features   [n, d] features of the examples
     * @param attributes [c, a] descriptors of the candidate classes, one row per class
     * @return [n, c] scores
     */
    INDArray scores(INDArray features, INDArray attributes);

    /** Index (row of {@code attributes}) of the best-scoring class for each example, [n]. */
    default INDArray predict(INDArray features, INDArray attributes) {
        return scores(features, attributes).argMax(1);
    }
}
