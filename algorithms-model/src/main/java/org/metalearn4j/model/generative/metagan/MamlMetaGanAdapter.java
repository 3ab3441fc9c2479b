package org.metalearn4j.model.generative.metagan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluation of MetaGAN's {@code maml} classifier: the training inner loop, first order, for {@code evalSteps} steps
 * on the support set and generated examples, from a fresh copy of a snapshot of the meta-learned weights for every
 * episode; queries are scored by the N class logits (the fake logit only shapes training). Generation noise is fixed,
 * so a predictor is a function of its support set. Batch norm uses each batch's own statistics, as in training. An
 * episode with another number of classes than {@code train.way} starts every class row of the head from the mean
 * learned row and bias (the fake logit as learned), as the MAML family's learned head does.
 */
final class MamlMetaGanAdapter implements Adapter {
    /** Seeds the generator at evaluation, the same for every episode. */
    private static final long EVALUATION_NOISE = 0x4D657461L;
    private static final String WEIGHT = BackboneHeadModel.HEAD + ".weight";
    private static final String BIAS = BackboneHeadModel.HEAD + ".bias";

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
        return discriminator.adapt(start(ways), x, MetricModel.classLabels(support.y(), "support"),
                fakes, config.inner().evalSteps(), false, ForwardContext.training(0)).map(Tensor::detach);
    }

    /** A fresh copy of the meta-learned weights, with a head of {@code ways} class rows. */
    private Params start(int ways) {
        Params weights = snapshot.copyAsVariables();
        INDArray w = weights.get(WEIGHT).value();
        if (w.size(0) == ways) {
            return weights;
        }
        Map<String, Tensor> resized = new LinkedHashMap<>();
        for (String name : weights.names()) {
            resized.put(name, weights.get(name));
        }
        resized.put(WEIGHT, Tensor.variable(Nd4j.zeros(type, ways, w.size(1)).addiRowVector(w.mean(true, 0))));
        resized.put(BIAS, Tensor.variable(Nd4j.valueArrayOf(new long[] {ways},
                weights.get(BIAS).value().meanNumber().doubleValue(), type)));
        return Params.of(resized);
    }

    /** The N class logits, with the batch's own statistics. */
    private Tensor logits(Params fast, Tensor x) {
        ForwardContext ctx = ForwardContext.training(0);
        return discriminator.logits(fast, discriminator.features(fast, x, ctx), ctx);
    }
}
