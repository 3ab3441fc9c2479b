package org.metalearn4j.core.event;

/**
 * Where a component sends its event records, so that it depends on this interface only and not on Vert.x: the
 * training loop publishes its steps, evaluations and checkpoints here, the pipeline runner its stage events.
 * {@link TypedEventBus} is the event-bus implementation; a benchmark, a test or an embedding application may pass any
 * other, e.g. a callback or a list that records what was published.
 */
@FunctionalInterface
public interface EventPublisher {
    /** Drops every event. */
    EventPublisher NONE = event -> { };

    /**
     * Publishes one event record to every subscriber of its type.
     *
     * @throws IllegalArgumentException if the implementation only carries registered types and this one is not
     */
    void publish(Record event);
}
