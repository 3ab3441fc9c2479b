package org.metalearn4j.model.generative.metagan;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.LearnedHead;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.metric.MetricModel;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.generative.Noise;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Evaluation of MetaGAN's {@code maml} classifier: the training inner loop, first order, for {@code evalSteps} steps
 * on the support set and generated examples, from a fresh copy of a snapshot of the meta-learned weights for every
 * episode; queries are scored by the N class logits (the fake logit only shapes training). Generation noise is fixed,
 * so a predictor is a function of its support set. Batch norm uses each batch's own statistics, as in training. An
 * episode with another number of classes than {@code train.way} starts every class row of the head from the mean
 * learned row and bias ({@link LearnedHead}; the fake logit as learned), as the MAML family's learned head does.
 */
final class MamlMetaGanAdapter implements Adapter {
    /** Seeds the generator at evaluation, the same for every episode. */
    private static final long EVALUATION_NOISE = 0x4D657461L;

    private final MamlDiscriminator discriminator;
    private final TaskGenerator generator;
    private final Params snapshot;
    private final Params generatorParams;
    private final MetaGanConfig config;
    private final DataType type;

    MamlMetaGanAdapter(MamlDiscriminator discriminator, TaskGenerator generator, Params snapshot,
                       Params generatorParams, MetaGanConfig config) {
        this.discriminator = discriminator;
        this.generator = generator;
        this.snapshot = snapshot;
        this.generatorParams = generatorParams;
        this.config = config;
        this.type = snapshot.tensors().get(0).dataType();
    }

    @Override
    public Predictor adapt(Examples support, TaskType taskType, int ways) {
        if (taskType != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("metagan classifies; got a " + taskType + " task");
        }
        Params fast = adapted(support, ways);
        return query -> {
            try (Scope noGrad = Autograd.noGrad()) {
                return logits(fast, Tensor.constant(query.castTo(type))).value();
            }
        };
    }

    /**
     * {@code D} of the task's real queries and of as many examples generated from its support set with noise
     * {@code seed}, by the classifier adapted as {@link #adapt} adapts it.
     */
    RealFakeScores discriminate(Task task, long seed) {
        Params fast = adapted(task.support(), task.ways());
        try (Scope noGrad = Autograd.noGrad()) {
            Tensor fakes = generator.generate(generatorParams, Tensor.constant(task.support().x().castTo(type)),
                    task.query().size(), new Noise(seed));
            Tensor fakeLogit = fast.get(MamlDiscriminator.FAKE);
            return new RealFakeScores(
                    Discrimination.probabilities(Discrimination.realness(logits(fast, Tensor.constant(
                            task.query().x().castTo(type))), fakeLogit)),
                    Discrimination.probabilities(Discrimination.realness(logits(fast, fakes), fakeLogit)));
        }
    }

    /** The classifier after the evaluation inner loop on {@code support} and generated examples, detached. */
    private Params adapted(Examples support, int ways) {
        Tensor x = Tensor.constant(support.x().castTo(type));
        Tensor fakes;
        try (Scope noGrad = Autograd.noGrad()) {
            fakes = generator.generate(generatorParams, x, config.fakesPerClass() * ways,
                    new Noise(EVALUATION_NOISE));
        }
        Params start = LearnedHead.forWays(snapshot.copyAsVariables(), BackboneHeadModel.HEAD,
                TaskType.CLASSIFICATION, ways);
        return discriminator.adapt(start, x, MetricModel.classLabels(support.y(), "support"),
                fakes, config.inner().evalSteps(), false, ForwardContext.training(0)).map(Tensor::detach);
    }

    /** The N class logits, with the batch's own statistics. */
    private Tensor logits(Params fast, Tensor x) {
        ForwardContext ctx = ForwardContext.training(0);
        return discriminator.logits(fast, discriminator.features(fast, x, ctx), ctx);
    }
}
