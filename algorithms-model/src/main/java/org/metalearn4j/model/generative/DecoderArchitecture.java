package org.metalearn4j.model.generative;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import org.metalearn4j.core.nn.Mlp;
import org.metalearn4j.core.nn.Module;

/** How a generative model's decoder turns latent vectors into examples. */
public enum DecoderArchitecture {
    /** A ReLU MLP with one output per value of an example: any example shape. */
    @JsonProperty("mlp") MLP,
    /**
     * A DCGAN-style convolutional decoder ({@link UpsamplingDecoder}): images whose height and width are multiples of
     * 4.
     */
    @JsonProperty("conv") CONV;

    /**
     * The decoder of this architecture from {@code [..., in]} vectors to the logits {@code [..., values]} of examples
     * of {@code exampleShape}.
     *
     * @param hidden   the MLP's hidden widths
     * @param channels the convolutional decoder's quarter-resolution channels
     */
    public Module decoder(int in, long[] exampleShape, List<Integer> hidden, int channels) {
        if (this == CONV) {
            return new UpsamplingDecoder(in, exampleShape, channels);
        }
        int values = Math.toIntExact(Arrays.stream(exampleShape).reduce(1, Math::multiplyExact));
        return Mlp.of(in, hidden, values);
    }
}
