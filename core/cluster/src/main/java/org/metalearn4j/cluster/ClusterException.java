package org.metalearn4j.cluster;

/** Joining or using the cluster failed; the message says what and, where it can, what to do. */
public class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
