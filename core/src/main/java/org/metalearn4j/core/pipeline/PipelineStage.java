package org.metalearn4j.core.pipeline;

import java.util.Set;
import java.util.function.BiFunction;

/** One step of a transfer or meta-learning pipeline, e.g. pretrain, fine-tune, meta-train, evaluate. */
public interface PipelineStage {

    /** Artifact kinds this stage can start from; checked for the whole pipeline before any stage runs. */
    Set<ArtifactKind> accepts();

    /** What {@link #run} returns. */
    ArtifactKind produces();

    Artifact run(Artifact input, StageContext context);

    /** A stage from its declared artifact kinds and the function that runs it. */
    static PipelineStage of(Set<ArtifactKind> accepts, ArtifactKind produces,
                            BiFunction<Artifact, StageContext, Artifact> run) {
        Set<ArtifactKind> inputs = Set.copyOf(accepts);
        return new PipelineStage() {
            @Override
            public Set<ArtifactKind> accepts() {
                return inputs;
            }

            @Override
            public ArtifactKind produces() {
                return produces;
            }

            @Override
            public Artifact run(Artifact input, StageContext context) {
                return run.apply(input, context);
            }
        };
    }
}
