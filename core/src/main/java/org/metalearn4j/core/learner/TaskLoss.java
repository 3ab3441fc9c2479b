package org.metalearn4j.core.learner;

import java.util.Arrays;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.nn.Losses;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One labelled set as the inner and outer loops of gradient-based learners consume it: inputs in the parameters' data
 * type, and the loss and metric the task type calls for (mean squared error for regression, cross-entropy and accuracy
 * for classification).
 */
public final class TaskLoss {
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

    /** The set {@code examples} of a task of {@code type}, inputs cast to {@code dataType}. */
    public static TaskLoss of(Examples examples, TaskType type, DataType dataType) {
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

    /** The inputs. */
    public Tensor x() {
        return x;
    }

    /** Mean squared error or mean cross-entropy of {@code output} against the targets. */
    public Tensor loss(Tensor output) {
        return type == TaskType.REGRESSION ? Losses.mse(output, target) : Losses.crossEntropy(output, labels);
    }

    /** Accuracy or MSE of {@code output}. */
    public double metric(Tensor output) {
        return type == TaskType.REGRESSION ? Losses.mse(output.detach(), target).item()
                : Accuracy.of(output.value(), labels);
    }
}
