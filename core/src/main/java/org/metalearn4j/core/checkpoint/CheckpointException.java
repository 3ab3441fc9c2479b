package org.metalearn4j.core.checkpoint;

/** A checkpoint cannot be written or read; the message names the file and what is wrong with it. */
public class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
