package org.metalearn4j.core.pipeline;

import org.metalearn4j.core.spi.Provider;

/** Discovered through {@link java.util.ServiceLoader}: pipeline stages referenced by name in a pipeline config. */
public interface StageProvider<C extends Record> extends Provider<C> {

    PipelineStage create(C config);

    /**
     * Whether a pipeline check may run this stage's real code inside a {@link org.metalearn4j.core.train.DryRun},
     * which cuts core's training and evaluation loops ({@code MetaTrainingLoop}, {@code MiniBatchLoop},
     * {@code Evaluator}) to one step each: true for a stage that trains and evaluates only through them, so the check
     * finds what its config or its input would break (a split, an episode shape, a backbone of another width) before
     * any stage trains for real. False by default: a stage with loops of its own would run in full; the check then
     * stops at its config and does not run the stages after it either.
     */
    default boolean dryRunnable() {
        return false;
    }
}
