package org.metalearn4j.core.event;

/**
 * A checkpoint was written (atomically, so it is complete when this is published).
 *
 * @param iteration iterations completed in the checkpoint
 * @param file      the checkpoint file
 */
public record CheckpointEvent(int iteration, String file) {
}
