package org.metalearn4j.optimization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;

/**
 * Settings shared by the learners that differentiate through the inner loop: {@code maml}, {@code fomaml},
 * {@code anil} and {@code metasgd}. The meta-batch size is the training loop's ({@code train.metaBatch}). Each key's
 * meaning is in its {@link JsonPropertyDescription}, printed by {@code metalearn config --defaults maml}.
 */
public record MamlConfig(
        @JsonPropertyDescription("second: exact meta-gradient through every inner step; first: FOMAML, inner"
                + " gradients treated as constants") Order order,
        @JsonPropertyDescription("inner SGD steps on the support set during meta-training") int innerSteps,
        @JsonPropertyDescription("inner step size; for metasgd the initial value of every learned step size")
        double innerLr,
        @JsonPropertyDescription("inner steps when adapting to an evaluation episode") int evalInnerSteps,
        @JsonPropertyDescription("the network") BackboneSpec backbone,
        @JsonPropertyDescription("where the linear head starts on each episode: learned (meta-learned, train.way"
                + " outputs; other numbers of ways start every class at the mean learned row), zero (a zero head sized"
                + " to each episode) or prototypes (Proto-MAML: 2 c_k and -|c_k|^2 from the support features' class"
                + " means, meta-gradient chained through them); zero and prototypes train and test on any number of"
                + " ways") HeadInit head,
        @JsonPropertyDescription("batch-norm statistics when adapting to an evaluation episode: separate (the"
                + " support set's while adapting, the query batch's while predicting, as in Finn et al.'s code) or"
                + " episode (transductive: support set and queries normalised together, both while adapting and"
                + " while predicting); meta-training is unaffected") BatchStatistics evalBatchStatistics,
        @JsonPropertyDescription("the outer optimizer applying the meta-gradient") MetaOptimizerConfig metaOptimizer,
        @JsonPropertyDescription("clip the meta-gradient to this global L2 norm; 0 disables clipping") double gradClip,
        @JsonPropertyDescription("tasks of a meta-batch computed at once, each on its own thread with single-threaded"
                + " native ops; 1 runs one task at a time with all native threads. The result does not depend on it"
                + " (up to the rounding of multi-threaded ops)") int taskThreads) {

    /** Which derivative of the inner loop the meta-gradient follows. */
    public enum Order {
        /** FOMAML: the inner loop's gradients are constants. */
        @JsonProperty("first") FIRST,
        /** Exact: differentiated through every inner step. */
        @JsonProperty("second") SECOND
    }

    /** Which examples batch norm takes its statistics from when adapting to an evaluation episode. */
    public enum BatchStatistics {
        /** The support set's while adapting, the query batch's while predicting. */
        @JsonProperty("separate") SEPARATE,
        /** Support set and queries together, while adapting and while predicting. */
        @JsonProperty("episode") EPISODE
    }

    public MamlConfig {
        Checks.oneOf("order", order, Order.class);
        Checks.atLeast("innerSteps", innerSteps, 1);
        Checks.positive("innerLr", innerLr);
        Checks.atLeast("evalInnerSteps", evalInnerSteps, 1);
        Checks.present("backbone", backbone);
        Checks.oneOf("head", head, HeadInit.class);
        Checks.oneOf("evalBatchStatistics", evalBatchStatistics, BatchStatistics.class);
        Checks.present("metaOptimizer", metaOptimizer);
        Checks.nonNegative("gradClip", gradClip);
        Checks.atLeast("taskThreads", taskThreads, 1);
    }

    /**
     * Finn et al.'s meta-learned head of {@code train.way} outputs ({@link HeadInit#LEARNED}) and batch statistics
     * ({@link BatchStatistics#SEPARATE}).
     */
    public MamlConfig(Order order, int innerSteps, double innerLr, int evalInnerSteps, BackboneSpec backbone,
                      MetaOptimizerConfig metaOptimizer, double gradClip, int taskThreads) {
        this(order, innerSteps, innerLr, evalInnerSteps, backbone, HeadInit.LEARNED, BatchStatistics.SEPARATE,
                metaOptimizer, gradClip, taskThreads);
    }

    /** True when the inner loop is differentiated exactly. */
    public boolean secondOrder() {
        return order == Order.SECOND;
    }

    /**
     * Finn et al.'s sinusoid settings: 1 inner step of 0.01, a meta-learned head, separate batch statistics, Adam
     * 1e-3, no clipping, one task thread.
     */
    static MamlConfig defaults(Order order) {
        return new MamlConfig(order, 1, 0.01, 1, BackboneSpec.defaults(), MetaOptimizerConfig.defaults(), 0, 1);
    }
}
