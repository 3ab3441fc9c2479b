package org.metalearn4j.optimization;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the linear head starts when the inner loop adapts to an episode. {@link #ZERO} and {@link #PROTOTYPES} size
 * the head to each episode's number of classes, so a learner trained on one number of ways is tested on any other;
 * {@link #LEARNED} keeps Finn et al.'s meta-learned head of {@code train.way} outputs.
 */
public enum HeadInit {
    /**
     * A head of {@code train.way} outputs meta-learned with the backbone (Finn et al. 2017). An evaluation episode
     * with another number of classes starts every class's row (and bias) at the mean of the learned rows: the learned
     * head's class-independent part, since class slots are arbitrary labels (Ye and Chao 2022 start every class from
     * one shared vector for the same reason).
     */
    @JsonProperty("learned") LEARNED,
    /**
     * No head among the meta-parameters: every episode starts from a zero head of its own number of classes (the
     * "zeroing trick", Kao et al. 2022), so the first inner step writes the support features' directions into it.
     */
    @JsonProperty("zero") ZERO,
    /**
     * Proto-MAML (Triantafillou et al. 2020): every episode's head starts at {@code W_k = 2 c_k}, {@code b_k =
     * -|c_k|^2} from the class means {@code c_k} of the support features, which makes the unadapted network a
     * Prototypical Network with squared Euclidean distance. The meta-gradient follows the initialisation back into
     * the backbone, in both orders: the inner loop treats the starting head as an independent weight, and its
     * meta-gradient is chained through the prototypes (as Meta-Dataset's first-order fo-Proto-MAML also does).
     */
    @JsonProperty("prototypes") PROTOTYPES;

    /** Whether the head is among the meta-parameters. */
    boolean metaLearned() {
        return this == LEARNED;
    }
}
