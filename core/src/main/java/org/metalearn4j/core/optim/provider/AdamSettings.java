package org.metalearn4j.core.optim.provider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/** The {@code adam} optimizer's own settings; the learning rate is the training loop's. */
public record AdamSettings(
        @JsonPropertyDescription("decay of the first-moment average, in [0, 1)") double beta1,
        @JsonPropertyDescription("decay of the second-moment average, in [0, 1)") double beta2,
        @JsonPropertyDescription("added to the root of the second moment") double eps,
        @JsonPropertyDescription("L2 penalty added to the gradient (not decoupled)") double weightDecay) {
    public AdamSettings {
        Checks.fraction("beta1", beta1);
        Checks.fraction("beta2", beta2);
        Checks.positive("eps", eps);
        Checks.nonNegative("weightDecay", weightDecay);
    }
}
