package org.metalearn4j.model.generative.metagan;

import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.tensor.Tensor;

/**
 * MetaGAN's {@code maml} classifier: core's {@link BackboneHeadModel} (backbone, linear head to N logits) plus the
 * fake logit {@code fake.logit}, all adapted by MAML's {@link InnerLoop} on the support set's
 * {@link Discrimination#classifierLoss classifier loss}, real support examples and generated ones alike. Each forward
 * pass normalizes with its own batch's statistics (Finn et al.), so real and generated examples never share them.
 */
final class MamlDiscriminator {
    /** The fake class's logit, a scalar beside the model's {@code backbone.*} and {@code head.*}. */
    static final String FAKE = "fake.logit";

    private final BackboneHeadModel model;
    private final InnerLoopSettings inner;
    private final double weight;

    MamlDiscriminator(BackboneHeadModel model, InnerLoopSettings inner, double weight) {
        this.model = model;
        this.inner = inner;
        this.weight = weight;
    }

    BackboneHeadModel model() {
        return model;
    }

    /** Backbone features {@code [n, F]}. */
    Tensor features(Params weights, Tensor x, ForwardContext ctx) {
        return model.features(weights, x, ctx);
    }

    /** The N class logits of features. */
    Tensor logits(Params weights, Tensor features, ForwardContext ctx) {
        return model.head().forward(weights.scope(BackboneHeadModel.HEAD), features, ctx);
    }

    /**
     * The weights after the inner loop on the support set and {@code fakes} (constants here: the generator learns
     * from the query loss only).
     *
     * @param steps       how many inner steps
     * @param createGraph differentiate through them (exact meta-gradient)
     */
    Params adapt(Params start, Tensor supportX, int[] supportLabels, Tensor fakes, int steps, boolean createGraph,
                 ForwardContext ctx) {
        InnerLoop.StepLoss loss = (w, step) -> Discrimination.classifierLoss(
                logits(w, features(w, supportX, ctx), ctx), supportLabels,
                logits(w, features(w, fakes, ctx), ctx), w.get(FAKE), weight);
        return InnerLoop.adapt(start, loss, UpdateRule.sgd(inner.learningRate()), steps, createGraph);
    }
}
