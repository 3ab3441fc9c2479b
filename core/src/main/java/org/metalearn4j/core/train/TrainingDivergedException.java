package org.metalearn4j.core.train;

/**
 * A training step produced a NaN or Inf loss, gradient or parameter. Training stops at once: no checkpoint is written
 * for this or any later iteration, so the newest checkpoint is the last one whose values were all finite.
 */
public final class TrainingDivergedException extends ArithmeticException {
    private final int iteration;

    /**
     * @param iteration the iteration whose step went non-finite, counted from 1 like the progress bar
     * @param reason    what was not finite (the loss, a named parameter, the op in check mode)
     */
    public TrainingDivergedException(int iteration, String reason) {
        super("training diverged at iteration " + iteration + ": " + reason);
        this.iteration = iteration;
    }

    /** The iteration whose step went non-finite, counted from 1. */
    public int iteration() {
        return iteration;
    }
}
