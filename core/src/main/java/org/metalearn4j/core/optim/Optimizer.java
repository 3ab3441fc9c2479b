package org.metalearn4j.core.optim;

import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.state.StateDict;

/**
 * Updates leaf parameters in place from gradients the caller passes in (nothing is accumulated behind the caller's
 * back). Per-parameter state (momentum, moments) is keyed by parameter name and can be saved and restored.
 */
public interface Optimizer {
    /**
     * One update of every parameter of {@code params} that has an entry in {@code grads}; others are left alone.
     * Writes into the parameters' buffers, so call it outside any graph that still needs the old values.
     */
    void step(Params params, Params grads);

    /**
     * Multiplies every group's configured learning rate by {@code factor} from the next step on, as a learning-rate
     * schedule does before each step ({@link LrSchedule#factor}); 1 restores the configured rates. Not part of
     * {@link #state()}: a schedule recomputes it from the step count.
     */
    void setLearningRateFactor(double factor);

    /** Everything needed to continue exactly: step count and per-parameter buffers. */
    StateDict state();

    /** Restores what {@link #state()} returned. */
    void loadState(StateDict state);
}
