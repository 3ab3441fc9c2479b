package org.metalearn4j.core.learner;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A regression {@link Predictor} that also says how sure it is: a Gaussian mean and standard deviation for every query
 * point ({@link Prediction}). {@link #predict} is the mean, so code that only wants point predictions uses it like any
 * predictor; the evaluator recognises this interface and also reports the Gaussian log-likelihood of the query
 * targets (neural processes, a Gaussian-process posterior).
 */
public interface ProbabilisticPredictor extends Predictor {

    /** The predictive distribution at the inputs {@code x}. */
    Prediction distribution(INDArray x);

    @Override
    default INDArray predict(INDArray x) {
        return distribution(x).mean();
    }
}
