package org.metalearn4j.model.np;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.optim.ScheduledAdamConfig;

/**
 * Settings of {@code cnp}, {@code np} and {@code anp}, which differ only in their defaults; each key's meaning is in
 * its {@link JsonPropertyDescription}, printed by {@code metalearn config --defaults anp}.
 */
public record NeuralProcessConfig(
        @JsonPropertyDescription("width of every hidden layer and of the representations") int hidden,
        @JsonPropertyDescription("hidden layers of each encoder MLP") int encoderLayers,
        @JsonPropertyDescription("hidden layers of the decoder MLP") int decoderLayers,
        @JsonPropertyDescription("use the deterministic path: a representation of the context per target point")
        boolean deterministicPath,
        @JsonPropertyDescription("use the latent path: a global Gaussian latent z ~ q(z | context), trained with the"
                + " ELBO whose KL term is taken against q(z | all points)") boolean latentPath,
        @JsonPropertyDescription("size of the latent z") int latentSize,
        @JsonPropertyDescription("deterministic path aggregation: mean (CNP, NP) or multihead cross-attention from"
                + " target x to context x (ANP)") Aggregation aggregation,
        @JsonPropertyDescription("attention heads; must divide hidden") int heads,
        @JsonPropertyDescription("multi-head self-attention over the context points in both encoders (ANP)")
        boolean selfAttention,
        @JsonPropertyDescription("lower bound of the decoder's standard deviation: std = minStd + (1 - minStd) *"
                + " softplus(raw); must be > 0 so it cannot underflow") double minStd,
        @JsonPropertyDescription("train on the context and query points as targets (as the papers do); false: the"
                + " query points only") boolean targetsIncludeContext,
        @JsonPropertyDescription("latent samples per prediction, moment-matched into one Gaussian per point; 0 uses"
                + " the mean of q(z | context)") int evalSamples,
        @JsonPropertyDescription("Adam, learning-rate schedule and clipping") ScheduledAdamConfig optimizer) {
    public NeuralProcessConfig {
        Checks.atLeast("hidden", hidden, 1);
        Checks.atLeast("encoderLayers", encoderLayers, 1);
        Checks.atLeast("decoderLayers", decoderLayers, 1);
        if (!deterministicPath && !latentPath) {
            throw new IllegalArgumentException("deterministicPath: a neural process needs the deterministic path, the"
                    + " latent path or both; both are false");
        }
        Checks.atLeast("latentSize", latentSize, 1);
        Checks.oneOf("aggregation", aggregation, Aggregation.class);
        Checks.atLeast("heads", heads, 1);
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("heads: must divide hidden = " + hidden + ", got " + heads);
        }
        if (!(minStd >= 1e-6 && minStd < 1)) {
            throw new IllegalArgumentException("minStd: expected a number in [1e-6, 1) (a smaller bound lets the"
                    + " standard deviation underflow in float32), got " + minStd);
        }
        Checks.atLeast("evalSamples", evalSamples, 0);
        Checks.present("optimizer", optimizer);
    }

    /** The defaults of the three providers: Kim et al.'s 1-D settings at width 128 with Adam 5e-4. */
    static NeuralProcessConfig of(boolean latentPath, Aggregation aggregation, boolean selfAttention) {
        return new NeuralProcessConfig(128, 3, 2, true, latentPath, 128, aggregation, 8, selfAttention, 0.01, true,
                latentPath ? 16 : 0, ScheduledAdamConfig.constant(5e-4));
    }
}
