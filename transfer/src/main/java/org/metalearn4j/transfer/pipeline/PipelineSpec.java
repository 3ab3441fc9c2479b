package org.metalearn4j.transfer.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline config as written by the user, e.g.
 *
 * <pre>{@code
 * seed: 7
 * input: runs/pretrain/0-pretrain/artifact.bin   # optional: start from a saved artifact instead of nothing
 * stages:
 *   - stage: pretrain
 *     config: {dataset: omniglot-small, split: meta-train, backbone: {type: conv4}}
 *   - stage: meta-train
 *     config: {learner: protonet, iterations: 2000}
 *   - stage: evaluate
 *     config: {dataset: fashion-mnist, split: test, way: 5, shot: 1}
 * }</pre>
 *
 * @param seed   base seed; stage {@code i} runs with {@code Seeds.derive(seed, i)}
 * @param input  saved artifact the first stage starts from, or {@code null} to start from {@code NONE}
 * @param stages the stages in execution order
 * @param source the file it was read from, for messages, or {@code null}
 */
public record PipelineSpec(long seed, Path input, List<StageSpec> stages, String source) {
    public PipelineSpec {
        Objects.requireNonNull(stages, "stages");
        stages = List.copyOf(stages);
    }
}
