package org.metalearn4j.core.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Classification accuracy: the one definition every learner, stage and evaluation uses. */
public final class Accuracy {
    private Accuracy() {
    }

    /** Fraction of rows of {@code scores [N, C]} whose largest entry is at the label; 0 for no rows. */
    public static double of(INDArray scores, int[] labels) {
        if (scores.rank() != 2 || scores.size(0) != labels.length) {
            throw new IllegalArgumentException("accuracy: scores must be [N, classes] with N = " + labels.length
                    + " labels, got " + Arrays.toString(scores.shape()));
        }
        return ofPredictions(Arrays.stream(scores.argMax(1).toLongVector()).mapToInt(Math::toIntExact).toArray(),
                labels);
    }

    /** Fraction of positions where {@code predicted} equals {@code labels}; 0 for none. */
    public static double ofPredictions(int[] predicted, int[] labels) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException("accuracy: " + predicted.length + " predictions for " + labels.length
                    + " labels");
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? 0 : (double) correct / labels.length;
    }
}
