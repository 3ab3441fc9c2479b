package org.metalearn4j.model.mann;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the controller reads from besides its own state. */
public enum MemoryKind {
    /** An external memory with least-recently-used access (MANN). */
    @JsonProperty("lru") LRU,
    /** None: the plain LSTM baseline with the same controller. */
    @JsonProperty("none") NONE
}
