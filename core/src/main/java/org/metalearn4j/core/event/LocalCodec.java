package org.metalearn4j.core.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes an immutable event record by reference between verticles of one process. Records need no copy because no
 * receiver can change them; a clustered event bus will need a wire codec, which this one refuses to be.
 */
final class LocalCodec<T extends Record> implements MessageCodec<T, T> {
    private final Class<T> type;

    LocalCodec(Class<T> type) {
        this.type = type;
    }

    @Override
    public void encodeToWire(Buffer buffer, T t) {
        throw new UnsupportedOperationException(name() + " is local-only; clustering needs a wire codec");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(name() + " is local-only; clustering needs a wire codec");
    }

    @Override
    public T transform(T t) {
        return t;
    }

    @Override
    public String name() {
        return "metalearn.local." + type.getSimpleName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
