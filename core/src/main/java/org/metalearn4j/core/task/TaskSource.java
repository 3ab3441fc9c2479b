package org.metalearn4j.core.task;

/**
 * An endless, reproducible stream of tasks. A task is a pure function of its seed, so a run can be resumed exactly and
 * every learner can be scored on identical episodes: the caller derives one seed per episode (see {@link Seeds}).
 */
@FunctionalInterface
public interface TaskSource {

    /** The task for this seed; the same seed always gives the same task. */
    Task sample(long seed);
}
