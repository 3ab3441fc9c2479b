package org.metalearn4j.cluster.wire;

/** A cluster message that does not parse; the message says which kind was expected and what is wrong. */
public final class WireException extends IllegalArgumentException {
    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
