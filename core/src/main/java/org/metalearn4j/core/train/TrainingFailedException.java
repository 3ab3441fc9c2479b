package org.metalearn4j.core.train;

/**
 * A training run failed after it started. The message says why and what the run directory holds: the last good
 * checkpoint to resume from, or that none was written.
 */
public final class TrainingFailedException extends RuntimeException {
    public TrainingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
