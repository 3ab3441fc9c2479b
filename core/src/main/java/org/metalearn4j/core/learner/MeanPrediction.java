package org.metalearn4j.core.learner;

import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Softmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The average of several predictions of the same examples, as ensembles and test-time augmentation combine them:
 * classification logits are averaged as probabilities (softmax over the classes) and returned as log-probabilities,
 * regression outputs are averaged as they are. Computed in float64, returned in the first prediction's type.
 */
final class MeanPrediction {
    private MeanPrediction() {
    }

    static INDArray of(List<INDArray> predictions, TaskType type) {
        INDArray first = predictions.get(0);
        INDArray sum = null;
        for (INDArray p : predictions) {
            if (!Arrays.equals(p.shape(), first.shape())) {
                throw new IllegalStateException("predictions to average have shapes " + Arrays.toString(first.shape())
                        + " and " + Arrays.toString(p.shape()));
            }
            INDArray term = type == TaskType.CLASSIFICATION ? Softmax.probabilities(p.castTo(DataType.DOUBLE), 1)
                    : p.castTo(DataType.DOUBLE);
            sum = sum == null ? term.dup() : sum.addi(term);
        }
        INDArray mean = sum.divi(predictions.size());
        return (type == TaskType.CLASSIFICATION ? Transforms.log(mean, false) : mean).castTo(first.dataType());
    }
}
