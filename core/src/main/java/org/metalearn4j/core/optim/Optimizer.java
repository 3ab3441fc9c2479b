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

    /** Everything needed to continue exactly: step count and per-parameter buffers. */
    StateDict state();

    /** Restores what {@link #state()} returned. */
    void loadState(StateDict state);
}
