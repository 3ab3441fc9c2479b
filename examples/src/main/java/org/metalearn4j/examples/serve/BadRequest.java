package org.metalearn4j.examples.serve;

/**
 * A client error: the HTTP status to answer with, the request field at fault (a JSON path such as
 * {@code support[3].image}, or {@code body}) and what was wrong and what was expected.
 */
final class BadRequest extends RuntimeException {
    /** Malformed or inconsistent content. */
    static final int INVALID = 400;
    /** More than a {@link ServeLimits} limit allows. */
    static final int TOO_LARGE = 413;
    /** A body that is not JSON by its content type. */
    static final int UNSUPPORTED_TYPE = 415;

    private final int status;
    private final String field;
    private final String reason;

    BadRequest(int status, String field, String reason) {
        super(field + ": " + reason);
        this.status = status;
        this.field = field;
        this.reason = reason;
    }

    static BadRequest invalid(String field, String message) {
        return new BadRequest(INVALID, field, message);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    /** What was wrong and what was expected, without the field. */
    String reason() {
        return reason;
    }
}
