package org.metalearn4j.optimization;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;

/**
 * Reptile (Nichol et al., 2018): adapt with plain SGD on each task's support set, then move the initialization
 * towards the adapted weights. Each key's meaning is in its {@link JsonPropertyDescription}, printed by
 * {@code metalearn config --defaults reptile}.
 */
public record ReptileConfig(
        @JsonPropertyDescription("inner SGD steps per task during meta-training") int innerSteps,
        @JsonPropertyDescription("inner step size") double innerLr,
        @JsonPropertyDescription("outer step size in (0, 1]: theta += epsilon * (phi - theta)") double epsilon,
        @JsonPropertyDescription("true: one update towards the mean of the meta-batch's adapted weights; false"
                + " (serial): one update after each task, the next task starting from the moved weights")
        boolean batched,
        @JsonPropertyDescription("inner steps when adapting to an evaluation episode") int evalInnerSteps,
        @JsonPropertyDescription("the network") BackboneSpec backbone,
        @JsonPropertyDescription("where the linear head starts on each task: learned (meta-learned with the backbone,"
                + " train.way outputs; other numbers of ways start every class at the mean learned row), zero or"
                + " prototypes (2 c_k and -|c_k|^2 from the support features' class means); with zero and prototypes"
                + " only the backbone moves towards the adapted weights") HeadInit head,
        @JsonPropertyDescription("tasks of a batched meta-batch adapted at once, each on its own thread with"
                + " single-threaded native ops; serial Reptile needs 1") int taskThreads) {
    public ReptileConfig {
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.positive("innerLr", innerLr);
        Checks.positive("epsilon", epsilon);
        Checks.between("epsilon", epsilon, 0, 1);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 1);
        Checks.present("backbone", backbone);
        Checks.oneOf("head", head, HeadInit.class);
        Checks.atLeast("taskThreads", taskThreads, 1);
        if (taskThreads > 1 && !batched) {
            throw new IllegalArgumentException("taskThreads: serial Reptile (batched: false) adapts one task after"
                    + " another and needs 1, got " + taskThreads);
        }
    }

    /** With Nichol et al.'s meta-learned head ({@link HeadInit#LEARNED}). */
    public ReptileConfig(int innerSteps, double innerLr, double epsilon, boolean batched, int evalInnerSteps,
                         BackboneSpec backbone, int taskThreads) {
        this(innerSteps, innerLr, epsilon, batched, evalInnerSteps, backbone, HeadInit.LEARNED, taskThreads);
    }
}
