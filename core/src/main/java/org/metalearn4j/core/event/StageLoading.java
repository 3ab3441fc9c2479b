package org.metalearn4j.core.event;

/**
 * A running pipeline stage is about to load something slow (a data set split, an artifact), so that a console can say
 * what it waits for before the stage's first progress report.
 *
 * @param stage which stage
 * @param what  what it loads, e.g. {@code data set fashion-mnist split train}
 */
public record StageLoading(StagePosition stage, String what) {
}
