package org.metalearn4j.optimization.conditioned;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;

/**
 * Settings of {@code task-conditioned}; {@code metalearn config --defaults task-conditioned} prints them with these
 * descriptions. The meta-batch size is the training loop's.
 */
public record TaskConditionedConfig(
        @JsonPropertyDescription("second: exact meta-gradient through every inner step (as Meta-SGD); first: inner"
                + " gradients as constants") MamlConfig.Order order,
        @JsonPropertyDescription("inner steps on the support set; the network outputs one step weight per step")
        int innerSteps,
        @JsonPropertyDescription("inner step size: the initial value of the learned per-entry rates, or the fixed"
                + " base rate when perEntryRates is false") double innerLr,
        @JsonPropertyDescription("inner steps at evaluation, at most innerSteps") int evalInnerSteps,
        @JsonPropertyDescription("true: Meta-SGD's learned per-entry rates are the base that the task's per-layer"
                + " rates scale; false: one fixed base rate innerLr") boolean perEntryRates,
        @JsonPropertyDescription("the support-set encoder that reads the task") EncoderConfig encoder,
        @JsonPropertyDescription("the network being adapted") BackboneSpec backbone,
        @JsonPropertyDescription("the outer optimizer") MetaOptimizerConfig metaOptimizer,
        @JsonPropertyDescription("clip the meta-gradient to this global L2 norm; 0 disables clipping") double gradClip,
        @JsonPropertyDescription("tasks of a meta-batch computed at once, each on its own thread; the result does not"
                + " depend on it") int taskThreads) {
    public TaskConditionedConfig {
        Checks.oneOf("order", order, MamlConfig.Order.class);
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.positive("innerLr", innerLr);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 1);
        if (evalInnerSteps > innerSteps) {
            throw new IllegalArgumentException("evalInnerSteps: the network outputs step weights for innerSteps ("
                    + innerSteps + ") steps; expected at most that, got " + evalInnerSteps);
        }
        Checks.present("encoder", encoder);
        Checks.present("backbone", backbone);
        Checks.present("metaOptimizer", metaOptimizer);
        Checks.nonNegative("gradClip", gradClip);
        Checks.atLeast("taskThreads", taskThreads, 1);
    }
}
