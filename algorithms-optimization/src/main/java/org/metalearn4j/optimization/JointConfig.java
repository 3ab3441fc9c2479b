package org.metalearn4j.optimization;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;
import org.metalearn4j.core.nn.BackboneSpec;

/**
 * Settings of {@code joint}, one network trained on the pooled examples of all tasks and fine-tuned to each
 * evaluation task ({@code metalearn config --defaults joint}).
 */
public record JointConfig(
        @JsonPropertyDescription("the network") BackboneSpec backbone,
        @JsonPropertyDescription("the optimizer applying the mean gradient of a batch of tasks") MetaOptimizerConfig
        optimizer,
        @JsonPropertyDescription("SGD step size when fine-tuning to an evaluation task's support set")
        double fineTuneLr,
        @JsonPropertyDescription("SGD steps on an evaluation task's support set; 0 predicts with the pooled model as"
                + " trained") int fineTuneSteps,
        @JsonPropertyDescription("clip the gradient to this global L2 norm; 0 disables clipping") double gradClip,
        @JsonPropertyDescription("tasks of a batch computed at once, each on its own thread; the result does not"
                + " depend on it") int taskThreads) {
    public JointConfig {
        Checks.present("backbone", backbone);
        Checks.present("optimizer", optimizer);
        Checks.positive("fineTuneLr", fineTuneLr);
        Checks.atLeast("fineTuneSteps", fineTuneSteps, 0);
        Checks.nonNegative("gradClip", gradClip);
        Checks.atLeast("taskThreads", taskThreads, 1);
    }

    /** MAML's sinusoid settings for the fine-tuning (one step of 0.01) and Adam 1e-3. */
    static JointConfig defaults() {
        return new JointConfig(BackboneSpec.defaults(), MetaOptimizerConfig.defaults(), 0.01, 1, 0, 1);
    }
}
