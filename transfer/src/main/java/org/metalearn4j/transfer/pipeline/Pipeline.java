package org.metalearn4j.transfer.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline that passed {@link PipelineValidator}: every stage exists, its config bound, each stage accepts what the
 * previous one produces, and every referenced file exists. Only {@link PipelineValidator} creates one in practice.
 *
 * @param seed   base seed of the run
 * @param input  saved artifact the first stage starts from, or {@code null}
 * @param stages the stages in execution order
 */
public record Pipeline(long seed, Path input, List<PlannedStage> stages) {
    public Pipeline {
        Objects.requireNonNull(stages, "stages");
        stages = List.copyOf(stages);
    }
}
