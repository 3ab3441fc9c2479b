package org.metalearn4j.optimization.learned;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;

/**
 * Settings of {@code learned-optimizer} (Andrychowicz et al. 2016); {@code metalearn config --defaults
 * learned-optimizer} prints them with these descriptions. Each task of a meta-batch is one optimization problem: a
 * freshly initialised optimizee trained on minibatches of the task's support set.
 */
public record LearnedOptimizerConfig(
        @JsonPropertyDescription("stacked LSTM layers of the optimizer (2 in the paper)") int layers,
        @JsonPropertyDescription("units per LSTM layer (20 in the paper)") int hidden,
        @JsonPropertyDescription("exponent k of the log-and-sign gradient preprocessing (5 in the paper's reference"
                + " code, 10 in its appendix)") double preprocessing,
        @JsonPropertyDescription("factor of the LSTM's read-out: the update of a coordinate (0.01 in the paper)")
        double outputScale,
        @JsonPropertyDescription("parameter-name prefixes, one optimizer network per group (first match wins);"
                + " [\"\"] shares one network across all parameters") List<String> groups,
        @JsonPropertyDescription("optimizee steps per problem in meta-training (100 in the paper)") int steps,
        @JsonPropertyDescription("steps per truncation of backpropagation through the optimization: the meta-update"
                + " comes after each (20 in the paper); at most steps") int unroll,
        @JsonPropertyDescription("what each truncation minimises: mean, the tasks' mean loss averaged over its steps"
                + " (the paper); log, the log of that mean loss averaged over its steps, which weighs a late step's"
                + " relative progress as much as an early one's") Objective objective,
        @JsonPropertyDescription("first: optimizee gradients enter as constants (the paper: no second derivatives);"
                + " second: differentiated through") MamlConfig.Order order,
        @JsonPropertyDescription("the optimizee network: its backbone (mlp with hidden [] is linear)")
        BackboneSpec backbone,
        @JsonPropertyDescription("whether the optimizee's linear head has a bias (false for the paper's quadratics"
                + " f(theta) = |W theta - y|^2)") boolean headBias,
        @JsonPropertyDescription("examples per optimizee step, drawn from the task's support set (128 in the"
                + " paper); 0 for the whole set") int batchSize,
        @JsonPropertyDescription("optimizee steps when adapting to an evaluation episode") int evalSteps,
        @JsonPropertyDescription("the optimizer of the LSTM's weights") MetaOptimizerConfig metaOptimizer,
        @JsonPropertyDescription("clip each truncation's meta-gradient to this global L2 norm; 0 disables")
        double gradClip) {
    /** The meta-objective of a truncation. */
    public enum Objective {
        /** The mean over the truncation's steps of the tasks' mean loss (Andrychowicz et al.). */
        @JsonProperty("mean") MEAN,
        /**
         * The mean over the truncation's steps of the log of the tasks' mean loss: late steps, where the loss is
         * small, are not drowned by the large losses of the first steps.
         */
        @JsonProperty("log") LOG
    }

    public LearnedOptimizerConfig {
        Checks.atLeast("layers", layers, 1);
        Checks.atLeast("hidden", hidden, 1);
        Checks.positive("preprocessing", preprocessing);
        Checks.positive("outputScale", outputScale);
        groups = new ParameterGroups(groups).prefixes();
        Checks.atLeast("steps", steps, 1);
        Checks.atLeast("unroll", unroll, 1);
        if (unroll > steps) {
            throw new IllegalArgumentException("unroll: expected at most steps (" + steps + "), got " + unroll);
        }
        Checks.oneOf("objective", objective, Objective.class);
        Checks.oneOf("order", order, MamlConfig.Order.class);
        Checks.present("backbone", backbone);
        Checks.atLeast("batchSize", batchSize, 0);
        Checks.atLeast("evalSteps", evalSteps, 1);
        Checks.present("metaOptimizer", metaOptimizer);
        Checks.nonNegative("gradClip", gradClip);
    }

    /** The optimizer network these settings describe. */
    public CoordinatewiseLstm network() {
        return new CoordinatewiseLstm(layers, hidden, preprocessing, outputScale);
    }

    /** The parameter groups. */
    public ParameterGroups parameterGroups() {
        return new ParameterGroups(groups);
    }
}
