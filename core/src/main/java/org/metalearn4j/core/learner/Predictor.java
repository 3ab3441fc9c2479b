package org.metalearn4j.core.learner;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A task-specific model produced by an {@link Adapter}: logits {@code [n, ways]} or regression outputs {@code [n, d]}.
 */
@FunctionalInterface
public interface Predictor {
    INDArray predict(INDArray x);
}
