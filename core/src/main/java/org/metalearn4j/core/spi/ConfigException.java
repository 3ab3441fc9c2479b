package org.metalearn4j.core.spi;

/**
 * A configuration is malformed. The message names the file (when known), the field path, the bad value and what is
 * allowed, so the user can fix it without reading code. Thrown before any training starts.
 */
public class ConfigException extends RuntimeException {
    private final String path;

    public ConfigException(String path, String message) {
        super(path == null || path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    public ConfigException(String path, String message, Throwable cause) {
        super(path == null || path.isEmpty() ? message : path + ": " + message, cause);
        this.path = path;
    }

    /** Dotted path of the offending field, e.g. {@code learner.params.innerSteps}; empty for the whole document. */
    public String path() {
        return path;
    }
}
