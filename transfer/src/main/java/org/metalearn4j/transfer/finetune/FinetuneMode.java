package org.metalearn4j.transfer.finetune;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which parameters of a {@link org.metalearn4j.transfer.model.Classifier} fine-tuning trains. */
public enum FinetuneMode {
    /** Every parameter. */
    @JsonProperty("full") FULL,
    /** The last {@code k} backbone blocks and the head. */
    @JsonProperty("last-k") LAST_K,
    /** The head only, on frozen features. */
    @JsonProperty("linear-probe") LINEAR_PROBE
}
