package org.metalearn4j.core.optim.provider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** The {@code sgd} optimizer's own settings; the learning rate is the training loop's. */
public record SgdSettings(
        @JsonPropertyDescription("momentum in [0, 1); 0 for plain gradient descent") double momentum,
        @JsonPropertyDescription("Nesterov momentum (needs momentum > 0)") boolean nesterov,
        @JsonPropertyDescription("L2 penalty added to the gradient") double weightDecay) {
    public SgdSettings {
        Checks.fraction("momentum", momentum);
        Checks.nonNegative("weightDecay", weightDecay);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov: Nesterov momentum needs momentum > 0");
        }
    }
}
