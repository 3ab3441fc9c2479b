package org.metalearn4j.transfer.model;

import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.tensor.Autograd;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Accuracy of a classifier in evaluation mode, in chunks so large test sets fit in memory. */
public final class ModelAccuracy {
    private static final int CHUNK = 500;

    private ModelAccuracy() {
    }

    public static double of(Classifier model, Examples data) {
        int n = data.size();
        int[] labels = data.y().castTo(DataType.INT).reshape(-1).toIntVector();
        double correct = 0;
        try (var ignored = Autograd.noGrad()) {
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                var x = data.x().get(NDArrayIndex.interval(from, to));
                int[] part = java.util.Arrays.copyOfRange(labels, from, to);
                correct += Accuracy.of(model.logits(x, false, 0).value(), part) * part.length;
            }
        }
        return correct / n;
    }
}
