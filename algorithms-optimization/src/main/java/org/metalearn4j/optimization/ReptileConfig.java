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
 */
public record ReptileConfig(int innerSteps, double innerLr, double epsilon, boolean batched, int evalInnerSteps,
                            BackboneSpec backbone) {
    public ReptileConfig {
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.positive("innerLr", innerLr);
        Checks.positive("epsilon", epsilon);
        Checks.between("epsilon", epsilon, 0, 1);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 1);
        Objects.requireNonNull(backbone, "backbone");
    }
}
