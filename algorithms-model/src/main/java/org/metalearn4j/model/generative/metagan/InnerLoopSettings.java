package org.metalearn4j.model.generative.metagan;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.metalearn4j.core.config.Checks;

/**
 * MAML's inner loop for MetaGAN's {@code maml} classifier: SGD on the support set's classifier loss (real support
 * examples and generated ones).
 *
 * @param secondOrder differentiate through the inner steps exactly, or treat their gradients as constants (FOMAML)
 * @param steps       inner steps during meta-training
 * @param learningRate inner step size
 * @param evalSteps   inner steps when adapting to an evaluation episode
 */
public record InnerLoopSettings(
        @JsonPropertyDescription("true: exact meta-gradient through every inner step; false: first order (FOMAML)")
        boolean secondOrder,
        @JsonPropertyDescription("inner SGD steps on the support set during meta-training") int steps,
        @JsonPropertyDescription("inner step size") double learningRate,
        @JsonPropertyDescription("inner steps when adapting to an evaluation episode") int evalSteps) {
    public InnerLoopSettings {
        Checks.atLeast("steps", steps, 1);
        Checks.positive("learningRate", learningRate);
        Checks.atLeast("evalSteps", evalSteps, 1);
    }
}
