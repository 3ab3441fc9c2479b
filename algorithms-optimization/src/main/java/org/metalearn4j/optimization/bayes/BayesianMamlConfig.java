package org.metalearn4j.optimization.bayes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.optimization.MamlConfig;
import org.metalearn4j.optimization.MetaOptimizerConfig;

/**
 * Settings shared by {@code bmaml} (Yoon et al. 2018) and {@code ensemble-maml}; {@code metalearn config --defaults
 * bmaml} prints them with these descriptions. The meta-batch size is the training loop's.
 */
public record BayesianMamlConfig(
        @JsonPropertyDescription("particles M: samples of the network's parameters (bmaml needs at least 2; 10 in"
                + " the paper's regression experiments)") int particles,
        @JsonPropertyDescription("second: exact meta-gradient through every inner step; first: inner gradients as"
                + " constants") MamlConfig.Order order,
        @JsonPropertyDescription("inner steps on the support set during meta-training (the chaser's n)")
        int innerSteps,
        @JsonPropertyDescription("inner step size: of SVGD for bmaml (its driving force is averaged over the"
                + " particles, so it wants a larger one than MAML), of gradient descent for ensemble-maml")
        double innerLr,
        @JsonPropertyDescription("inner steps when adapting to an evaluation episode") int evalInnerSteps,
        @JsonPropertyDescription("chaser: distance of the adapted particles to a leader that took leaderSteps more"
                + " steps on support and query together (the paper); query: the particles' mean negative"
                + " log-likelihood of the query set after adaptation (the simpler variant)") MetaLoss metaLoss,
        @JsonPropertyDescription("further inner steps of the chaser loss's leader (the paper's s)") int leaderSteps,
        @JsonPropertyDescription("bmaml: bandwidth h of the RBF kernel exp(-|a - b|^2 / h); 0 for the median"
                + " heuristic, median squared distance / log(M + 1), recomputed every step") double bandwidth,
        @JsonPropertyDescription("regression: initial standard deviation of the Gaussian observation noise, learned"
                + " per particle") double noiseStd,
        @JsonPropertyDescription("the network every particle runs") BackboneSpec backbone,
        @JsonPropertyDescription("the outer optimizer of the particles' initial values")
        MetaOptimizerConfig metaOptimizer,
        @JsonPropertyDescription("clip the meta-gradient to this global L2 norm; 0 disables clipping") double gradClip,
        @JsonPropertyDescription("tasks of a meta-batch computed at once, each on its own thread with all its"
                + " particles; the result does not depend on it") int taskThreads) {

    /** The meta-objective. */
    public enum MetaLoss {
        /** Bayesian MAML's chaser loss. */
        @JsonProperty("chaser") CHASER,
        /** The query set's negative log-likelihood after adaptation. */
        @JsonProperty("query") QUERY
    }

    public BayesianMamlConfig {
        Checks.atLeast("particles", particles, 1);
        Checks.oneOf("order", order, MamlConfig.Order.class);
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.positive("innerLr", innerLr);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 1);
        Checks.oneOf("metaLoss", metaLoss, MetaLoss.class);
        Checks.atLeast("leaderSteps", leaderSteps, 1);
        Checks.nonNegative("bandwidth", bandwidth);
        Checks.positive("noiseStd", noiseStd);
        Checks.present("backbone", backbone);
        Checks.present("metaOptimizer", metaOptimizer);
        Checks.nonNegative("gradClip", gradClip);
        Checks.atLeast("taskThreads", taskThreads, 1);
    }
}
