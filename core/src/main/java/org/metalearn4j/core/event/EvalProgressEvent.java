package org.metalearn4j.core.event;

/**
 * How far an evaluation during training has got, for a progress bar with an ETA. Transient: published at most a few
 * times a second and not part of a run's recorded history ({@link TrainingEventBus#TYPES}).
 *
 * @param iteration iterations completed when the evaluation started
 * @param split     data set split of the episodes
 * @param phase     {@code embed} (each example the episodes use embedded once; units are examples) or
 *                  {@code episodes} (units are episodes), as {@code org.metalearn4j.core.train.EvalProgress} names them
 * @param done      units of the phase finished so far
 * @param total     units of the phase in all
 */
public record EvalProgressEvent(int iteration, String split, String phase, long done, long total) {
}
