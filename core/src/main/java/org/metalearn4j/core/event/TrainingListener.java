package org.metalearn4j.core.event;

/**
 * Receives training events from the event bus. Calls for one listener come on one Vert.x context, in publication
 * order and never concurrently, so implementations need no locking. Plugins add listeners through a
 * {@link org.metalearn4j.core.plugin.PluginModule} ({@code Multibinder<TrainingListener>}).
 */
public interface TrainingListener {

    default void onStarted(RunStarted event) {
    }

    default void onStep(StepEvent event) {
    }

    default void onEval(EvalEvent event) {
    }

    default void onCheckpoint(CheckpointEvent event) {
    }

    /** The last event of a run. */
    default void onFinished(RunFinished event) {
    }
}
