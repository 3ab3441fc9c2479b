package org.metalearn4j.model.np;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the deterministic path turns the context's representations into one per target point. */
public enum Aggregation {
    /** Their mean, the same for every target (CNP, NP). */
    @JsonProperty("mean") MEAN,
    /** Multi-head cross-attention with the target inputs as queries and the context inputs as keys (ANP). */
    @JsonProperty("multihead") MULTIHEAD
}
