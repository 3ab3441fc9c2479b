package org.metalearn4j.core.spi;

/**
 * A configuration is malformed. The message names the file (when known), the field path, the bad value and what is
 * allowed, so the user can fix it without reading code. Thrown before any training starts.
 */
public class ConfigException extends RuntimeException {
    private final String path;
    private final String detail;

    public ConfigException(String path, String message) {
        this(path, message, null);
    }

    public ConfigException(String path, String message, Throwable cause) {
        super(path == null || path.isEmpty() ? message : path + ": " + message, cause);
        this.path = path == null ? "" : path;
        this.detail = message;
    }

    /**
     * Dotted path of the offending field, e.g. {@code learner.params.innerSteps} or {@code stages[1].config.way};
     * empty for the whole document.
     */
    public String path() {
        return path;
    }

    /** The message without the leading path. */
    public String detail() {
        return detail;
    }
}
