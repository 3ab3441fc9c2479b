package org.metalearn4j.core.event;

/**
 * Where a component sends its event records, so that it depends on this interface only and not on Vert.x: the
 * pipeline runner publishes its stage events here. {@link TypedEventBus} is the event-bus implementation; a test or an
 * embedding application may pass any other, e.g. a list that records what was published.
 */
@FunctionalInterface
public interface EventPublisher {

    /**
     * Publishes one event record to every subscriber of its type.
     *
     * @throws IllegalArgumentException if the implementation only carries registered types and this one is not
     */
    void publish(Record event);
}
