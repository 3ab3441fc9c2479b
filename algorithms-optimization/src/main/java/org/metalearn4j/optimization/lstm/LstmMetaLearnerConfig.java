package org.metalearn4j.optimization.lstm;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;

/**
 * Settings of {@code lstm-meta-learner} (Ravi and Larochelle 2017); {@code metalearn config --defaults
 * lstm-meta-learner} prints them with these descriptions. The meta-batch size is the training loop's.
 */
public record LstmMetaLearnerConfig(
        @JsonPropertyDescription("first: the learner's loss and gradient enter the meta-learner as constants (the"
                + " paper: no second derivatives); second: exact meta-gradient through them") MamlConfig.Order order,
        @JsonPropertyDescription("meta-learner updates of the learner on the support set during meta-training (the"
                + " paper: 5 for 5-shot, 12 for 1-shot)") int innerSteps,
        @JsonPropertyDescription("updates when adapting to an evaluation episode") int evalInnerSteps,
        @JsonPropertyDescription("units of the meta-learner's first LSTM layer (20 in the paper)") int hidden,
        @JsonPropertyDescription("exponent p of the log-and-sign preprocessing of loss and gradient (10 in the"
                + " paper)") double preprocessing,
        @JsonPropertyDescription("the learner network; its initial parameters are learned") BackboneSpec backbone,
        @JsonPropertyDescription("the outer optimizer of the meta-learner and the initial parameters")
        MetaOptimizerConfig metaOptimizer,
        @JsonPropertyDescription("clip the meta-gradient to this global L2 norm (0.25 in the paper); 0 disables")
        double gradClip,
        @JsonPropertyDescription("tasks of a meta-batch computed at once, each on its own thread; the result does not"
                + " depend on it") int taskThreads) {
    public LstmMetaLearnerConfig {
        Checks.oneOf("order", order, MamlConfig.Order.class);
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 1);
        Checks.atLeast("hidden", hidden, 1);
        Checks.positive("preprocessing", preprocessing);
        Checks.present("backbone", backbone);
        Checks.present("metaOptimizer", metaOptimizer);
        Checks.nonNegative("gradClip", gradClip);
        Checks.atLeast("taskThreads", taskThreads, 1);
    }
}
