package org.metalearn4j.core.pipeline;

import java.util.Set;

/** One step of a transfer or meta-learning pipeline, e.g. pretrain, fine-tune, meta-train, evaluate. */
public interface PipelineStage {

    /** Artifact kinds this stage can start from; checked for the whole pipeline before any stage runs. */
    Set<ArtifactKind> accepts();

    /** What {@link #run} returns. */
    ArtifactKind produces();

    Artifact run(Artifact input, StageContext context);
}
