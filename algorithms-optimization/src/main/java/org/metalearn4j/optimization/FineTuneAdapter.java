package org.metalearn4j.optimization;

import java.util.List;
import java.util.function.Supplier;
import org.metalearn4j.core.learner.IsolatedAdapter;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.LearnedHead;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Module;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Evaluation-time adaptation: the training inner loop ({@link InnerLoop}) without {@code createGraph}, run on a fresh
 * copy of a snapshot of the meta-learned weights for every episode, so nothing one episode does can reach another or
 * the learner.
 *
 * <p>Batch norm follows Finn et al.: batch statistics always, never running averages. By default the support set's
 * statistics are used while adapting and the query batch's statistics while predicting (transductive, as in the
 * reference MAML code); with {@link MamlConfig.BatchStatistics#EPISODE} support set and queries are normalised
 * together in both. A fresh {@link ForwardContext} per call keeps those statistics from leaking between episodes.
 */
public final class FineTuneAdapter implements IsolatedAdapter {
    private final BackboneHeadModel model;
    private final AdaptationScope scope;
    private final HeadInit head;
    private final MamlConfig.BatchStatistics statistics;
    private final Params snapshot;
    private final RuleForSupport rules;
    private final int steps;
    private final DataType dataType;

    /**
     * @param head       where each episode's head starts
     * @param statistics which examples batch norm normalises with
     * @param meta       the meta-learned weights (copied now; later training does not affect this adapter)
     * @param alpha      learned per-parameter step sizes named like the adapted weights (copied), or null for
     *                   {@code innerLr}
     */
    FineTuneAdapter(BackboneHeadModel model, AdaptationScope scope, HeadInit head,
                    MamlConfig.BatchStatistics statistics, Params meta, Params alpha, double innerLr, int steps) {
        this(model, scope, head, statistics, meta, rates(alpha, innerLr), steps);
    }

    private FineTuneAdapter(BackboneHeadModel model, AdaptationScope scope, HeadInit head,
                            MamlConfig.BatchStatistics statistics, Params meta, RuleForSupport rules, int steps) {
        this.model = model;
        this.scope = scope;
        this.head = head;
        this.statistics = statistics;
        this.snapshot = meta.copyAsVariables();
        this.rules = rules;
        this.steps = steps;
        this.dataType = snapshot.tensors().get(0).dataType();
    }

    /** The update rule for one episode, which may depend on its support set (a task-conditioned optimizer's). */
    @FunctionalInterface
    public interface RuleForSupport {
        /** The rule for an episode of {@code ways} classes (1 for regression) with this support set. */
        UpdateRule rule(Examples support, TaskType type, int ways);
    }

    /**
     * An adapter of the whole of {@code model} with its meta-learned head of {@code train.way} outputs (an episode of
     * another number of classes starts every class at the mean learned row, {@link HeadInit#LEARNED}), from a copy of
     * {@code start} taken now, with the rule {@code rules} gives each episode; the rule must hold its own copies of
     * anything it learned (later training must not reach it) and serve a head of the episode's width.
     */
    public static FineTuneAdapter withRule(BackboneHeadModel model, Params start, RuleForSupport rules, int steps) {
        return new FineTuneAdapter(model, AdaptationScope.WHOLE, HeadInit.LEARNED,
                MamlConfig.BatchStatistics.SEPARATE, start, rules, steps);
    }

    private static RuleForSupport rates(Params alpha, double innerLr) {
        if (alpha == null) {
            UpdateRule sgd = UpdateRule.sgd(innerLr);
            return (support, type, ways) -> sgd;
        }
        Params copy = alpha.map(t -> Tensor.constant(t.value().dup()));
        return (support, type, ways) -> UpdateRule.learnedRates(LearnedHead.rates(copy, BackboneHeadModel.HEAD, type, ways));
    }

    /**
     * The whole network's weights after adapting to {@code support}, an episode of {@code ways} classes (1 for
     * regression), detached from everything else; batch norm sees the support set alone.
     */
    public Params adaptedParams(Examples support, TaskType type, int ways) {
        return adaptedParams(support, type, ways, null);
    }

    /**
     * As {@link #adaptedParams(Examples, TaskType, int)}, with {@code queries} (when not null) in every forward pass
     * beside the support set, so batch norm normalises with the statistics of both; the loss is the support rows'.
     */
    private Params adaptedParams(Examples support, TaskType type, int ways, INDArray queries) {
        Params start = snapshot.copyAsVariables();
        TaskLoss loss = TaskLoss.of(support, type, dataType);
        int n = support.size();
        Tensor x = queries == null ? loss.x() : Tensor.constant(episode(support.x(), queries));
        ForwardContext ctx = ForwardContext.training(0);
        Tensor input;
        try (Scope noGrad = Autograd.noGrad()) {
            input = scope.input(model, start, x, ctx);
        }
        Supplier<Tensor> features = () -> {
            Tensor all = scope == AdaptationScope.HEAD ? input : model.features(start, x, ctx);
            return queries == null ? all : all.slice(0, 0, n);
        };
        EpisodeHead episode = EpisodeHead.start(head, start, support, type, ways,
                GradientMetaLearner.featureWidth(model), features, EpisodeHead.Use.EVALUATION);
        UpdateRule step = rules.rule(support, type, ways);
        Module net = queries == null ? scope.net(model) : new FirstRows(scope.net(model), n);
        Params fast = InnerLoop.adapt(net, scope.adapted(episode.params()), input, loss, step, steps, false, ctx);
        return scope.merge(episode.params(), fast).map(Tensor::detach);
    }

    /**
     * Adapts to an episode of any number of ways, whatever {@code train.way} was: the head starts as the learner's
     * {@link HeadInit} says. With {@link MamlConfig.BatchStatistics#EPISODE} the adaptation waits for the queries, so
     * that batch norm can see them with the support set.
     */
    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        if (statistics == MamlConfig.BatchStatistics.EPISODE) {
            return x -> {
                Params fast = adaptedParams(support, type, ways, x);
                INDArray all = predict(fast, episode(support.x(), x));
                return all.get(NDArrayIndex.interval(support.size(), all.size(0)), NDArrayIndex.all()).dup();
            };
        }
        Params fast = adaptedParams(support, type, ways);
        return x -> predict(fast, x);
    }

    private INDArray episode(INDArray support, INDArray queries) {
        return Nd4j.concat(0, support.castTo(dataType), queries.castTo(dataType));
    }

    private INDArray predict(Params fast, INDArray x) {
        try (Scope noGrad = Autograd.noGrad()) {
            return model.whole().forward(fast, Tensor.constant(x.castTo(dataType)), ForwardContext.training(0))
                    .value();
        }
    }

    /** A module's output on the first {@code rows} examples of its input: the support rows of a whole episode. */
    private record FirstRows(Module net, int rows) implements Module {
        @Override
        public List<ParameterSpec> parameterSpecs() {
            return net.parameterSpecs();
        }

        @Override
        public Tensor forward(Params params, Tensor x, ForwardContext ctx) {
            return net.forward(params, x, ctx).slice(0, 0, rows);
        }
    }
}
