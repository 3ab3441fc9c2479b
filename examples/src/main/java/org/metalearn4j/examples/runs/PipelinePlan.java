package org.metalearn4j.examples.runs;

import java.util.List;

/**
 * The first line of every {@code metalearn pipeline} process in {@code pipeline.jsonl}: what it runs, so a reader
 * knows the stages that have not started yet.
 *
 * @param pipeline the pipeline file
 * @param stages   every stage's label ({@code <index>-<name>}), in order
 * @param resumed  whether the process continues an earlier run in the same directory
 */
public record PipelinePlan(String pipeline, List<String> stages, boolean resumed) {
    /** The {@code event} value of its line. */
    public static final String KIND = "pipeline";

    public PipelinePlan {
        stages = List.copyOf(stages);
    }
}
