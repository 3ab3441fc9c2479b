package org.metalearn4j.model.generative.metagan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The few-shot classifier MetaGAN trains as its discriminator. */
public enum ClassifierKind {
    /** A backbone and linear head adapted to each task by MAML's inner loop (Finn et al. 2017). */
    @JsonProperty("maml") MAML,
    /** Prototypical Networks: logits are negative distances to class means (Snell et al. 2017). */
    @JsonProperty("protonet") PROTONET,
    /** Relation Networks: a learned module scores query-prototype pairs (Sung et al. 2018). */
    @JsonProperty("relationnet") RELATIONNET
}
