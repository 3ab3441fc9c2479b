package org.metalearn4j.core.train;

import java.util.List;

/**
 * Where a {@link MetaTrainingLoop} starts: iterations already done and the step metrics of the last of them, so a
 * resumed run reports the same recent loss and metric as an uninterrupted one.
 *
 * @param iteration iterations already done
 * @param recent    the last steps' metrics, oldest first, at most {@value MetaTrainingLoop#RECENT}
 */
public record LoopStart(int iteration, List<RecentStep> recent) {
    public LoopStart {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration: expected >= 0, got " + iteration);
        }
        recent = List.copyOf(recent);
    }

    /** A run from scratch. */
    public static LoopStart fresh() {
        return new LoopStart(0, List.of());
    }

    /**
     * One step's loss and metric as the loop remembers them.
     *
     * @param loss   the step's loss
     * @param metric the step's metric ({@code NaN} if not computed)
     */
    public record RecentStep(double loss, double metric) {
    }
}
