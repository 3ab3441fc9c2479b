package org.metalearn4j.core.pipeline;

/** What flows between pipeline stages; a stage declares what it accepts and produces so pipelines validate up front. */
public enum ArtifactKind {
    /** The start of a pipeline: nothing trained yet. */
    NONE,
    /** Feature-extractor parameters (names as the backbone module produces them). */
    BACKBONE,
    /** A meta-trained learner's full state, plus its backbone. */
    LEARNER,
    /** A classifier or regressor for a fixed label set (backbone + head). */
    MODEL,
    /** Metrics only. */
    EVALUATION
}
