package org.metalearn4j.model.generative.metagan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How MetaGAN's generator turns a task embedding and noise into an example. */
public enum GeneratorArchitecture {
    /** A ReLU MLP with one output per input value: any example shape. */
    @JsonProperty("mlp") MLP,
    /**
     * A DCGAN-style convolutional decoder ({@link org.metalearn4j.model.generative.UpsamplingDecoder}): images whose
     * height and width are multiples of 4.
     */
    @JsonProperty("conv") CONV
}
