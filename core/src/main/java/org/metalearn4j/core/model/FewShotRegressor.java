package org.metalearn4j.core.model;

import java.util.ArrayList;
import java.util.List;
import org.metalearn4j.core.learner.Predictor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A regression {@link FewShotModel} adapted to one set of support points: predicts the mean output for new inputs.
 * (No learner of this version estimates its uncertainty; one that does will add it here.) Immutable; predictions may
 * run on several threads at once.
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
        List<float[]> rows = new ArrayList<>(xs.length);
        for (double[] x : xs) {
            rows.add(FewShotModel.toFloats(x));
        }
        INDArray out = predictor.predict(model.batch(rows)).castTo(DataType.DOUBLE);
        double[][] result = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            result[i] = out.getRow(i).reshape(-1).toDoubleVector();
        }
        return result;
    }
}
