package org.metalearn4j.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.metalearn4j.core.config.ConfigMappers;

/**
 * The event-bus codec of one event record type. Inside one process a record is passed by reference, since no
 * receiver can change it; between processes of a clustered event bus it travels as JSON (a length-prefixed UTF-8
 * object of the record's components), which Jackson reads back into the same record. Decoding is strict: a field the
 * record does not have is an error, so two nodes with different versions of an event fail loudly.
 */
final class EventRecordCodec<T extends Record> implements MessageCodec<T, T> {
    private static final ObjectMapper JSON = ConfigMappers.json();

    private final Class<T> type;

    EventRecordCodec(Class<T> type) {
        this.type = type;
    }

    @Override
    public void encodeToWire(Buffer buffer, T event) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + type.getName() + " as JSON: " + e.getMessage(), e);
        }
        buffer.appendInt(json.length).appendBytes(json);
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        int length = buffer.getInt(pos);
        byte[] json = buffer.getBytes(pos + Integer.BYTES, pos + Integer.BYTES + length);
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot decode " + type.getName() + " from "
                    + new String(json, StandardCharsets.UTF_8) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T transform(T event) {
        return event;
    }

    /** The record's class name, which the receiving node must have registered too. */
    @Override
    public String name() {
        return "metalearn.event." + type.getName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
