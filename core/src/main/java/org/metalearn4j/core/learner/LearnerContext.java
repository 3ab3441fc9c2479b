package org.metalearn4j.core.learner;

import java.util.Objects;
import java.util.Optional;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.TaskType;

/**
 * What a learner must know about the data before it builds its model.
 *
 * @param inputShape      shape of one example, e.g. {@code [1, 28, 28]} or {@code [1]}
 * @param type            classification or regression
 * @param ways            classes per training episode (1 for regression)
 * @param outputs         output width: {@code ways} for classification, target dimension for regression
 * @param seed            seed for initialisation and any randomness inside the learner
 * @param initialBackbone pretrained backbone parameters (names as produced by the backbone module) to start from
 */
public record LearnerContext(long[] inputShape, TaskType type, int ways, int outputs, long seed,
                             Optional<StateDict> initialBackbone) {
    public LearnerContext {
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(initialBackbone, "initialBackbone");
        inputShape = inputShape.clone();
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }
}
