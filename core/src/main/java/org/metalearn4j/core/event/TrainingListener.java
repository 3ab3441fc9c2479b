package org.metalearn4j.core.event;

/**
 * Receives training events from the event bus. Calls for one listener come on one Vert.x context, in publication
 * order and never concurrently, so implementations need no locking; a listener that does IO says so with
 * {@link #blocking()} and is then called on a worker thread. Plugins add listeners through a
 * {@link org.metalearn4j.core.plugin.PluginModule} ({@code Multibinder<TrainingListener>}).
 */
public interface TrainingListener {

    /**
     * Whether this listener blocks: writes files, the console or a socket. Its calls then run on a Vert.x worker
     * thread instead of an event loop, still one at a time and in publication order.
     */
    default boolean blocking() {
        return false;
    }

    default void onStarted(RunStarted event) {
    }

    default void onStep(StepEvent event) {
    }

    default void onEval(EvalEvent event) {
    }

    /** An evaluation's progress, a few times a second while it runs (not recorded in a run's history). */
    default void onEvalProgress(EvalProgressEvent event) {
    }

    default void onCheckpoint(CheckpointEvent event) {
    }

    /** The last event of a run. */
    default void onFinished(RunFinished event) {
    }
}
