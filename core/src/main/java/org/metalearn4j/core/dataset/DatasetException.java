package org.metalearn4j.core.dataset;

/** Bad or missing data: the message names the file, archive entry, class or path and what was expected. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
