package org.metalearn4j.optimization;

import java.util.Objects;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;

/**
 * Settings shared by the learners that differentiate through the inner loop: {@code maml}, {@code fomaml},
 * {@code anil} and {@code metasgd}. The meta-batch size is the training loop's ({@code train.metaBatch}).
 *
 * @param order          {@code second} (exact meta-gradient through every inner step) or {@code first} (FOMAML:
 *                       inner gradients treated as constants)
 * @param innerSteps     inner SGD steps on the support set during meta-training
 * @param innerLr        inner step size; for {@code metasgd} the initial value of every entry of the learned step
 *                       sizes alpha
 * @param evalInnerSteps inner steps when adapting to an evaluation episode
 * @param backbone       the network
 * @param metaOptimizer  the outer optimizer
 * @param gradClip       clip the meta-gradient to this global L2 norm; 0 disables clipping
 * @param taskThreads    tasks of a meta-batch computed at once, each on its own thread with single-threaded native
 *                       ops; 1 computes one task at a time with all of OpenMP's threads on every op. The result does
 *                       not depend on it (up to the rounding of multi-threaded ops)
 */
public record MamlConfig(String order, int innerSteps, double innerLr, int evalInnerSteps, BackboneSpec backbone,
                         MetaOptimizerConfig metaOptimizer, double gradClip, int taskThreads) {
    public MamlConfig {
        if (!"first".equals(order) && !"second".equals(order)) {
            throw new IllegalArgumentException("order: expected first or second, got "
                    + (order == null ? "nothing" : "'" + order + "'"));
        }
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.positive("innerLr", innerLr);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 1);
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(metaOptimizer, "metaOptimizer");
        if (!(gradClip >= 0) || Double.isInfinite(gradClip)) {
            throw new IllegalArgumentException("gradClip: expected a finite number >= 0 (0 = off), got " + gradClip);
        }
        Checks.atLeast("taskThreads", taskThreads, 1);
    }

    /** True when the inner loop is differentiated exactly. */
    public boolean secondOrder() {
        return "second".equals(order);
    }

    /** Finn et al.'s sinusoid settings: second order, 1 inner step of 0.01, Adam 1e-3, no clipping, one task thread. */
    static MamlConfig defaults(String order) {
        return new MamlConfig(order, 1, 0.01, 1, BackboneSpec.defaults(), MetaOptimizerConfig.defaults(), 0, 1);
    }
}
