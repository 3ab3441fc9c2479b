package org.metalearn4j.model.hyper;

import java.util.Optional;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The task descriptor a generator was configured to read ({@code descriptorSize > 0}), as a {@code [1, size]}
 * constant; fails naming the learner and the task when it is missing or of another length.
 */
final class TaskDescriptors {
    private TaskDescriptors() {
    }

    /** Null when {@code size} is 0 (descriptors not used); else the descriptor row. */
    static Tensor read(String learner, int size, Optional<INDArray> descriptor, String task, DataType type) {
        if (size == 0) {
            return null;
        }
        INDArray d = descriptor.orElseThrow(() -> new IllegalArgumentException(learner + " was configured with"
                + " descriptorSize " + size + " but " + task + " carries no task descriptor; set descriptorSize: 0"));
        if (d.length() != size) {
            throw new IllegalArgumentException(learner + " was configured with descriptorSize " + size + " but the"
                    + " descriptor of " + task + " has " + d.length() + " values");
        }
        if (d.isNaN().any() || d.isInfinite().any()) {
            throw new IllegalArgumentException(task + ": the task descriptor contains NaN or infinite values");
        }
        return Tensor.constant(d.castTo(type).reshape(1, size));
    }
}
