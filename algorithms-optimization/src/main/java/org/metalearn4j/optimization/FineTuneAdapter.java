package org.metalearn4j.optimization;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluation-time adaptation: the training inner loop ({@link InnerLoop}) without {@code createGraph}, run on a fresh
 * copy of a snapshot of the meta-learned weights for every episode, so nothing one episode does can reach another or
 * the learner.
 *
 * <p>Batch norm follows Finn et al.: batch statistics always, never running averages. The support set's statistics
 * are used while adapting and the query batch's statistics while predicting (transductive, as in the reference MAML
 * code); a fresh {@link ForwardContext} per call keeps those statistics from leaking between episodes.
 */
public final class FineTuneAdapter implements Adapter {
    private final BackboneHeadModel model;
    private final AdaptationScope scope;
    private final HeadInit head;
    private final Params snapshot;
    private final Params alphaSnapshot;
    private final double innerLr;
    private final int steps;
    private final DataType dataType;

    /**
     * @param head  where each episode's head starts
     * @param meta  the meta-learned weights (copied now; later training does not affect this adapter)
     * @param alpha learned per-parameter step sizes named like the adapted weights (copied), or null for
     *              {@code innerLr}
     */
    FineTuneAdapter(BackboneHeadModel model, AdaptationScope scope, HeadInit head, Params meta, Params alpha,
                    double innerLr, int steps) {
        this.model = model;
        this.scope = scope;
        this.head = head;
        this.snapshot = meta.copyAsVariables();
        this.alphaSnapshot = alpha == null ? null : alpha.map(t -> Tensor.constant(t.value().dup()));
        this.innerLr = innerLr;
        this.steps = steps;
        this.dataType = snapshot.tensors().get(0).dataType();
    }

    /**
     * The whole network's weights after adapting to {@code support}, an episode of {@code ways} classes (1 for
     * regression), detached from everything else.
     */
    public Params adaptedParams(Examples support, TaskType type, int ways) {
        Params start = snapshot.copyAsVariables();
        TaskLoss loss = TaskLoss.of(support, type, dataType);
        ForwardContext ctx = ForwardContext.training(0);
        Tensor input;
        try (Scope noGrad = Autograd.noGrad()) {
            input = scope.input(model, start, loss.x(), ctx);
        }
        EpisodeHead episode = EpisodeHead.start(head, start, support, type, ways,
                GradientMetaLearner.featureWidth(model), () -> scope == AdaptationScope.HEAD ? input
                        : model.features(start, loss.x(), ctx), EpisodeHead.Use.EVALUATION);
        UpdateRule step = alphaSnapshot == null ? UpdateRule.sgd(innerLr)
                : UpdateRule.learnedRates(EpisodeHead.rates(alphaSnapshot, ways));
        Params fast = InnerLoop.adapt(scope.net(model), scope.adapted(episode.params()), input, loss, step, steps,
                false, ctx);
        return scope.merge(episode.params(), fast).map(Tensor::detach);
    }

    /**
     * Adapts to an episode of any number of ways, whatever {@code train.way} was: the head starts as the learner's
     * {@link HeadInit} says.
     */
    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        Params fast = adaptedParams(support, type, ways);
        return x -> predict(fast, x);
    }

    private INDArray predict(Params fast, INDArray x) {
        try (Scope noGrad = Autograd.noGrad()) {
            return model.whole().forward(fast, Tensor.constant(x.castTo(dataType)), ForwardContext.training(0))
                    .value();
        }
    }
}
