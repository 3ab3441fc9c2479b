package org.metalearn4j.optimization;

import java.util.Arrays;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One labelled set as the inner and outer loops consume it: inputs in the parameters' data type, and the loss and
 * metric the task type calls for (mean squared error for regression, cross-entropy and accuracy for classification).
 */
final class TaskLoss {
    private final Tensor x;
    private final TaskType type;
    private final Tensor target;
    private final int[] labels;

    private TaskLoss(Tensor x, TaskType type, Tensor target, int[] labels) {
        this.x = x;
        this.type = type;
        this.target = target;
        this.labels = labels;
    }

    static TaskLoss of(Examples examples, TaskType type, DataType dataType) {
        Tensor x = Tensor.constant(examples.x().castTo(dataType));
        if (type == TaskType.REGRESSION) {
            var y = examples.y().castTo(dataType);
            if (y.rank() == 1) {
                y = y.reshape(y.length(), 1);
            }
            return new TaskLoss(x, type, Tensor.constant(y), null);
        }
        if (examples.y().rank() != 1) {
            throw new IllegalArgumentException("classification labels must be a vector of class indices, got shape "
                    + Arrays.toString(examples.y().shape()));
        }
        return new TaskLoss(x, type, null, examples.y().toIntVector());
    }

    Tensor x() {
        return x;
    }

    Tensor loss(Tensor output) {
        return type == TaskType.REGRESSION ? Losses.mse(output, target) : Losses.crossEntropy(output, labels);
    }

    /** Accuracy or MSE of {@code output}. */
    double metric(Tensor output) {
        return type == TaskType.REGRESSION ? Losses.mse(output.detach(), target).item()
                : Accuracy.of(output.value(), labels);
    }
}
