package org.metalearn4j.core.event;

/**
 * A training run begins (or resumes).
 *
 * @param runDir         where checkpoints and metrics go
 * @param startIteration iterations already done (non-zero when resumed)
 * @param iterations     iterations the run will reach
 * @param learner        learner name
 * @param dataset        data set name
 * @param backend        backend name and device
 */
public record RunStarted(String runDir, int startIteration, int iterations, String learner, String dataset,
                         String backend) {
}
