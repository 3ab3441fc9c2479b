package org.metalearn4j.core.model;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.ProbabilisticPredictor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A regression {@link FewShotModel} adapted to one set of support points: predicts the mean output for new inputs and,
 * where the learner estimates it (the neural processes), the predictive standard deviation ({@link #hasUncertainty}).
 * Immutable; predictions may run on several threads at once.
 */
public final class FewShotRegressor {
    private final FewShotModel model;
    private final Predictor predictor;

    FewShotRegressor(FewShotModel model, Predictor predictor) {
        this.model = model;
        this.predictor = predictor;
    }

    /** The predicted output for one input. */
    public double[] predict(double[] x) {
        return predict(new double[][] {x})[0];
    }

    /** The predicted outputs for several inputs, in one batch. */
    public double[][] predict(double[][] xs) {
        return rows(predictor.predict(batch(xs)), xs.length);
    }

    /** Whether this model's learner gives a predictive standard deviation ({@link #std}). */
    public boolean hasUncertainty() {
        return predictor instanceof ProbabilisticPredictor;
    }

    /**
     * The predictive standard deviations (a Gaussian's, per output) at several inputs, in one batch; the means are
     * {@link #predict}'s.
     *
     * @throws UnsupportedOperationException when the learner estimates no uncertainty ({@link #hasUncertainty})
     */
    public double[][] std(double[][] xs) {
        if (!(predictor instanceof ProbabilisticPredictor probabilistic)) {
            throw new UnsupportedOperationException("learner '" + model.description().learner() + "' predicts no"
                    + " uncertainty, only means; a neural process (cnp, np, anp) does");
        }
        return rows(probabilistic.distribution(batch(xs)).std(), xs.length);
    }

    private INDArray batch(double[][] xs) {
        List<float[]> rows = new ArrayList<>(xs.length);
        for (double[] x : xs) {
            rows.add(FewShotModel.toFloats(x));
        }
        return model.batch(rows);
    }

    private static double[][] rows(INDArray out, int n) {
        INDArray values = out.castTo(DataType.DOUBLE);
        double[][] result = new double[n][];
        for (int i = 0; i < n; i++) {
            result[i] = values.getRow(i).reshape(-1).toDoubleVector();
        }
        return result;
    }
}
