package org.metalearn4j.core.optim.provider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** The {@code rmsprop} optimizer's own settings; the learning rate is the training loop's. */
public record RmsPropSettings(
        @JsonPropertyDescription("decay of the squared-gradient average, in [0, 1)") double alpha,
        @JsonPropertyDescription("added to the root of the squared-gradient average") double eps,
        @JsonPropertyDescription("L2 penalty added to the gradient") double weightDecay) {
    public RmsPropSettings {
        Checks.fraction("alpha", alpha);
        Checks.positive("eps", eps);
        Checks.nonNegative("weightDecay", weightDecay);
    }
}
