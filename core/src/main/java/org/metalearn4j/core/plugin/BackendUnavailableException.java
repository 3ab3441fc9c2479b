package org.metalearn4j.core.plugin;

/** The requested backend cannot run here; the message is one line with the concrete reason. */
public class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) {
        super(message);
    }
}
