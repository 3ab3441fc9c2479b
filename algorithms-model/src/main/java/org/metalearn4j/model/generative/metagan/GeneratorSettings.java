package org.metalearn4j.model.generative.metagan;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.model.generative.DecoderArchitecture;

/**
 * MetaGAN's task-conditioned generator: a task embedding (the mean over the support set of a learned projection of
 * each example) and Gaussian noise go through a ReLU MLP or a convolutional decoder ending in a sigmoid, one output
 * per input value, so generated examples lie in {@code [0, 1]} like ink images.
 *
 * @param noise         width of the noise vector of one generated example
 * @param taskEmbedding width of the task embedding
 * @param architecture  MLP or convolutional decoder
 * @param hidden        hidden widths of the MLP
 * @param channels      channels of the convolutional decoder's first map
 * @param loss          what the generator minimizes
 * @param optimizer     its Adam
 */
public record GeneratorSettings(
        @JsonPropertyDescription("Gaussian noise inputs per generated example") int noise,
        @JsonPropertyDescription("width of the task embedding, the mean over the support set of a learned ReLU"
                + " projection of each example") int taskEmbedding,
        @JsonPropertyDescription("mlp (a ReLU MLP of 'hidden' widths, any example shape) or conv (DCGAN-style: a"
                + " linear layer to a quarter-resolution map of 'channels' channels, then twice 2x nearest-neighbour"
                + " upsampling and a 3x3 convolution; images whose height and width are multiples of 4)")
        DecoderArchitecture architecture,
        @JsonPropertyDescription("hidden widths of the mlp generator") List<Integer> hidden,
        @JsonPropertyDescription("channels of the conv generator's quarter-resolution map (half as many after the"
                + " first upsampling)") int channels,
        @JsonPropertyDescription("feature-matching (MetaGAN's, Salimans et al. 2016: match the classifier's mean"
                + " features of real queries) or non-saturating (-log D(fake))") GeneratorLoss loss,
        @JsonPropertyDescription("the generator's Adam and learning-rate schedule") OptimizerConfig optimizer) {
    public GeneratorSettings {
        Checks.atLeast("noise", noise, 1);
        Checks.atLeast("taskEmbedding", taskEmbedding, 1);
        Checks.oneOf("architecture", architecture, DecoderArchitecture.class);
        hidden = Checks.layerWidths("hidden", hidden);
        Checks.atLeast("channels", channels, 2);
        Checks.oneOf("loss", loss, GeneratorLoss.class);
        Checks.present("optimizer", optimizer);
    }
}
