package org.metalearn4j.core.event;

import java.util.Objects;

/**
 * An event record type and the one event-bus address it is published on. Registering one with
 * {@link TypedEventBus#register} (or binding it in a {@link org.metalearn4j.core.plugin.PluginModule} with a
 * {@code Multibinder<EventType<?>>}) lets it be published and subscribed like the built-in training and pipeline
 * events, and gives it the JSON wire codec a clustered event bus needs.
 *
 * @param address the event-bus address, by convention {@code metalearn.<area>.<event>} for the built-in ones and a
 *                prefix of the plugin's own for plugin events
 * @param type    the immutable record class; its components must be JSON-serialisable by Jackson
 * @param <T>     the record class
 */
public record EventType<T extends Record>(String address, Class<T> type) {
    public EventType {
        Objects.requireNonNull(type, "type");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("event type " + type.getName() + ": address must not be blank");
        }
    }

    public static <T extends Record> EventType<T> of(String address, Class<T> type) {
        return new EventType<>(address, type);
    }
}
