package org.metalearn4j.model.generative.statistician;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.model.generative.DecoderArchitecture;

/**
 * Configuration of {@code neural-statistician}; {@code metalearn config --defaults neural-statistician} prints it with
 * these descriptions. Training episodes need at least {@code maxShots} support examples per class
 * ({@code train.shot}).
 */
public record StatisticianConfig(
        @JsonPropertyDescription("encoder of single examples, whose features feed the statistic and inference"
                + " networks") BackboneSpec backbone,
        @JsonPropertyDescription("size of the class latent c (the character), inferred from a set of examples")
        int contextSize,
        @JsonPropertyDescription("size of the example latent z (one drawing's style), inferred from one example and c")
        int latentSize,
        @JsonPropertyDescription("hidden widths of the statistic network q(c|set), the inference network q(z|x,c)"
                + " and the prior p(z|c)") List<Integer> hidden,
        @JsonPropertyDescription("the decoder p(x|z,c): mlp (a ReLU MLP of 'decoderHidden' widths ending in one"
                + " Bernoulli logit per pixel) or conv (DCGAN-style: a linear layer to a quarter-resolution map of"
                + " 'decoderChannels' channels, then twice 2x nearest-neighbour upsampling and a 3x3 convolution;"
                + " images whose height and width are multiples of 4)") DecoderArchitecture decoderArchitecture,
        @JsonPropertyDescription("hidden widths of the mlp decoder") List<Integer> decoderHidden,
        @JsonPropertyDescription("channels of the conv decoder's quarter-resolution map (half as many after the"
                + " first upsampling)") int decoderChannels,
        @JsonPropertyDescription("fewest support examples K a class is conditioned on; each training task draws K"
                + " uniformly from minShots..maxShots") int minShots,
        @JsonPropertyDescription("most support examples K a class is conditioned on (the generator refuses more)")
        int maxShots,
        @JsonPropertyDescription("pixels above this value count as 1 in the Bernoulli likelihood (binarized targets,"
                + " so the ELBO bounds a discrete likelihood); 0 uses the values in [0, 1] themselves")
        double binarizeAt,
        @JsonPropertyDescription("Adam and learning-rate schedule") OptimizerConfig optimizer) {
    public StatisticianConfig {
        Checks.present("backbone", backbone);
        Checks.atLeast("contextSize", contextSize, 1);
        Checks.atLeast("latentSize", latentSize, 1);
        hidden = Checks.layerWidths("hidden", hidden);
        Checks.oneOf("decoderArchitecture", decoderArchitecture, DecoderArchitecture.class);
        decoderHidden = Checks.layerWidths("decoderHidden", decoderHidden);
        Checks.atLeast("decoderChannels", decoderChannels, 2);
        Checks.atLeast("minShots", minShots, 1);
        Checks.atLeast("maxShots", maxShots, minShots);
        if (!(binarizeAt >= 0 && binarizeAt < 1)) {
            throw new IllegalArgumentException("binarizeAt: expected a threshold in [0, 1) (0 keeps the values), got "
                    + binarizeAt);
        }
        Checks.present("optimizer", optimizer);
    }

    /**
     * An MLP encoder 512-256, c of 64 and z of 16, hidden 256, MLP decoder 256-512, K of 1 to 5, binarized at 0.5,
     * Adam 1e-3 without decay.
     */
    static StatisticianConfig defaults() {
        return new StatisticianConfig(BackboneSpec.mlp(512, 256), 64, 16, List.of(256), DecoderArchitecture.MLP,
                List.of(256, 512), 64, 1, 5, 0.5, OptimizerConfig.constant(1e-3));
    }
}
