package org.metalearn4j.optimization;

import java.util.Objects;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;

/**
 * Reptile (Nichol et al., 2018): adapt with plain SGD on each task's support set, then move the initialization
 * towards the adapted weights.
 *
 * @param innerSteps     inner SGD steps per task during meta-training
 * @param innerLr        inner step size
 * @param epsilon        outer step size: {@code theta += epsilon * (phi - theta)}
 * @param batched        {@code true}: one update towards the mean of the meta-batch's adapted weights; {@code false}
 *                       (serial): one update after each task, the next task starting from the moved weights
 * @param evalInnerSteps inner steps when adapting to an evaluation episode
 * @param backbone       the network
 * @param taskThreads    tasks of a batched meta-batch adapted at once, each on its own thread with single-threaded
 *                       native ops (see {@code MamlConfig}); serial Reptile needs 1, each task starting where the last
 *                       one moved the weights
 */
public record ReptileConfig(int innerSteps, double innerLr, double epsilon, boolean batched, int evalInnerSteps,
                            BackboneSpec backbone, int taskThreads) {
    public ReptileConfig {
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.positive("innerLr", innerLr);
        Checks.positive("epsilon", epsilon);
        Checks.between("epsilon", epsilon, 0, 1);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 1);
        Objects.requireNonNull(backbone, "backbone");
        Checks.atLeast("taskThreads", taskThreads, 1);
        if (taskThreads > 1 && !batched) {
            throw new IllegalArgumentException("taskThreads: serial Reptile (batched: false) adapts one task after"
                    + " another and needs 1, got " + taskThreads);
        }
    }
}
