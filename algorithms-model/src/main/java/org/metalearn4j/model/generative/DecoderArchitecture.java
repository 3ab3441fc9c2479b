package org.metalearn4j.model.generative;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a generative model's decoder turns latent vectors into examples. */
public enum DecoderArchitecture {
    /** A ReLU MLP with one output per value of an example: any example shape. */
    @JsonProperty("mlp") MLP,
    /**
     * A DCGAN-style convolutional decoder ({@link UpsamplingDecoder}): images whose height and width are multiples of
     * 4.
     */
    @JsonProperty("conv") CONV
}
