package org.metalearn4j.optimization.learned;

import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.tensor.Tensor;

/** The loss an optimization minimises at each of its steps (on that step's minibatch). */
@FunctionalInterface
public interface StepObjective {

    /** The scalar loss of {@code params} at step {@code step}. */
    Tensor loss(Params params, int step);
}
