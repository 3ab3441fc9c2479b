package org.metalearn4j.optimization.bayes;

import org.metalearn4j.core.learner.Predictor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Predictor} that also says how sure it is: a predictive mean and variance per output. For regression the
 * mean is the predicted value and the variance the predictive variance; for classification the mean holds the class
 * probabilities and the variance their spread over the model's samples. {@link #predict} returns the regression mean,
 * or the log of the class probabilities as logits.
 *
 * <p>Kept minimal on purpose: a core predictive-distribution interface may replace it.
 */
public interface UncertainPredictor extends Predictor {

    /** The predictive mean and variance of a batch, each {@code [n, outputs]}. */
    Predictive predictive(INDArray x);

    /**
     * Mean and variance per example and output.
     *
     * @param mean     predictive means, or class probabilities
     * @param variance predictive variances
     */
    record Predictive(INDArray mean, INDArray variance) {
    }
}
