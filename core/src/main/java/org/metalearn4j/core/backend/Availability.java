package org.metalearn4j.core.backend;

/**
 * Whether a backend can run here, and if not, the concrete reason (missing library, no device, wrong build), so that
 * asking for it explicitly fails with that reason instead of a stack trace.
 */
public record Availability(boolean available, String reason) {
    public static Availability yes(String detail) {
        return new Availability(true, detail);
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
