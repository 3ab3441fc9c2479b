package org.metalearn4j.core.nn.backbone;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.function.Supplier;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.Activation;

/**
 * Configuration of the {@code mlp} backbone.
 *
 * @param hidden     widths of its layers
 * @param activation the nonlinearity after each layer
 */
public record MlpConfig(
        @JsonPropertyDescription("widths of the Linear + activation layers, e.g. [40, 40]") List<Integer> hidden,
        @JsonPropertyDescription("nonlinearity after each layer: relu, or tanh (the usual choice for policies in"
                + " reinforcement learning)") Nonlinearity activation) {

    /** The nonlinearities an mlp offers. */
    public enum Nonlinearity {
        @JsonProperty("relu") RELU(Activation::relu),
        @JsonProperty("tanh") TANH(Activation::tanh);

        private final Supplier<Activation> module;

        Nonlinearity(Supplier<Activation> module) {
            this.module = module;
        }

        /** The activation module. */
        public Activation module() {
            return module.get();
        }
    }

    /** ReLU layers of the given widths. */
    public MlpConfig(List<Integer> hidden) {
        this(hidden, Nonlinearity.RELU);
    }

    public MlpConfig {
        Checks.oneOf("activation", activation, Nonlinearity.class);
        hidden = Checks.layerWidths("hidden", hidden);
    }
}
