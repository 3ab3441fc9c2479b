package org.metalearn4j.examples.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.event.EventType;

/**
 * The JSON-lines form of an event: {@code {"event": KIND, ...the record's components}}, where {@code KIND} is the last
 * part of the event's address ({@code metalearn.train.step} gives {@code step}). For training events this is exactly
 * the line {@link org.metalearn4j.core.event.MetricsFileListener} writes into {@code metrics.jsonl}, so a live event
 * and a line read back from the file look the same to a reader.
 */
public final class EventLine {
    private static final ObjectMapper JSON = ConfigMappers.plain();

    private EventLine() {
    }

    /** The event's line as a JSON object. */
    public static ObjectNode of(EventType<?> type, Record event) {
        ObjectNode node = JSON.createObjectNode().put("event", kind(type));
        node.setAll((ObjectNode) JSON.valueToTree(event));
        return node;
    }

    /** The {@code event} field for events of {@code type}. */
    public static String kind(EventType<?> type) {
        String address = type.address();
        return address.substring(address.lastIndexOf('.') + 1);
    }
}
