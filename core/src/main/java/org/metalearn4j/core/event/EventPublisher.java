package org.metalearn4j.core.event;

/**
 * Where a training loop sends its events ({@link StepEvent}, {@link EvalEvent}, {@link CheckpointEvent}, ...): the
 * {@link TrainingEventBus} in an application, a plain callback in a benchmark or a test.
 */
@FunctionalInterface
public interface EventPublisher {
    /** Drops every event. */
    EventPublisher NONE = event -> { };

    void publish(Record event);
}
