package org.metalearn4j.optimization.rl;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MetaOptimizerConfig;

/**
 * Settings of the reinforcement learners {@code maml-rl}, {@code fomaml-rl} and {@code pretrain-rl}; they differ only
 * in {@code order}'s default. Trajectories per task are the episode's: {@code train.shot} support trajectories per
 * adaptation step and {@code train.query} query trajectories (and {@code eval.shot}, {@code eval.query} when
 * evaluating). Each key's meaning is in its {@link JsonPropertyDescription} ({@code metalearn config --defaults
 * maml-rl}).
 */
public record MetaRlConfig(
        @JsonPropertyDescription("second: MAML, the meta-gradient differentiates through the policy-gradient"
                + " adaptation (DiCE surrogate, exact in expectation); first: first-order MAML, adaptation gradients"
                + " treated as constants; none: no adaptation while training (a policy trained on all tasks),"
                + " adapted only when evaluated") Order order,
        @JsonPropertyDescription("policy-gradient adaptation steps during meta-training, each on freshly sampled"
                + " support trajectories") int innerSteps,
        @JsonPropertyDescription("adaptation step size") double innerLr,
        @JsonPropertyDescription("adaptation steps when evaluating a task") int evalInnerSteps,
        @JsonPropertyDescription("the policy network before its Gaussian head") BackboneSpec backbone,
        @JsonPropertyDescription("initial log standard deviation of the Gaussian policy (learned)")
        double initialLogStd,
        @JsonPropertyDescription("reward discount of the policy-gradient objective") double discount,
        @JsonPropertyDescription("the outer optimizer applying the meta-gradient") MetaOptimizerConfig metaOptimizer,
        @JsonPropertyDescription("clip the meta-gradient to this global L2 norm; 0 disables clipping") double gradClip,
        @JsonPropertyDescription("tasks of a meta-batch computed at once, each on its own thread; the result does not"
                + " depend on it") int taskThreads) {

    /** What the meta-gradient follows. */
    public enum Order {
        /** MAML: differentiated through the adaptation steps (second order). */
        @JsonProperty("second") SECOND,
        /** First-order MAML: the adaptation's gradients are constants. */
        @JsonProperty("first") FIRST,
        /** No adaptation in training: the return of the unadapted policy (a pretrained baseline). */
        @JsonProperty("none") NONE
    }

    public MetaRlConfig {
        Checks.oneOf("order", order, Order.class);
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.positive("innerLr", innerLr);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 0);
        Checks.present("backbone", backbone);
        Checks.between("discount", discount, 0, 1);
        Checks.present("metaOptimizer", metaOptimizer);
        Checks.nonNegative("gradClip", gradClip);
        Checks.atLeast("taskThreads", taskThreads, 1);
        if (!Double.isFinite(initialLogStd)) {
            throw new IllegalArgumentException("initialLogStd: expected a finite number, got " + initialLogStd);
        }
    }

    /**
     * Finn et al.'s 2-D navigation settings: a 64-64 tanh policy, one adaptation step of 0.1, discount 0.99; Adam
     * with step 0.01 replaces their TRPO outer step (1e-3 learned several times slower in 40 iterations).
     */
    static MetaRlConfig defaults(Order order) {
        ObjectNode mlp = JsonNodeFactory.instance.objectNode().put("activation", "tanh");
        mlp.putArray("hidden").add(64).add(64);
        return new MetaRlConfig(order, 1, 0.1, 1, new BackboneSpec(BackboneSpec.MLP, mlp), 0.0, 0.99,
                new MetaOptimizerConfig(MetaOptimizerConfig.Kind.ADAM, 0.01), 0, 1);
    }
}
