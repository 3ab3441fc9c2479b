package org.metalearn4j.core.pipeline;

import java.util.Map;

/**
 * Where a running stage reports how far its loop has got, so a pipeline can draw a progress bar with an ETA for stages
 * that run for minutes. Stages call it from their main loop (training iterations, evaluation episodes); reporting is
 * optional and a stage that never calls it still runs correctly.
 */
@FunctionalInterface
public interface StageProgress {
    /** Ignores every report; what a stage gets when nobody watches. */
    StageProgress NONE = (done, total, metrics) -> { };

    /**
     * @param done    units of work finished so far (iterations, episodes), from 1 up to {@code total}
     * @param total   units of work the stage will do in all; the same in every call of one stage run
     * @param metrics a few current values to show beside the bar (e.g. {@code loss}, {@code accuracy}); may be empty
     */
    void report(long done, long total, Map<String, Double> metrics);

    /**
     * Says what the stage loads next (a data set split, an artifact) before it loads it, so that the seconds a large
     * data set takes to read are not silent. Optional, like {@link #report}; ignored unless someone watches.
     *
     * @param what e.g. {@code data set fashion-mnist split train}
     */
    default void loading(String what) {
    }
}
