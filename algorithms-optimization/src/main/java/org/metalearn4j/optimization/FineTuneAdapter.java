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
    private final Params snapshot;
    private final RuleForSupport rules;
    private final int steps;
    private final DataType dataType;

    /** The update rule for one episode, which may depend on its support set (a task-conditioned optimizer's). */
    @FunctionalInterface
    public interface RuleForSupport {
        UpdateRule rule(Examples support, TaskType type);
    }

    /**
     * @param meta  the meta-learned weights (copied now; later training does not affect this adapter)
     * @param alpha learned per-parameter step sizes named like the adapted weights (copied), or null for
     *              {@code innerLr}
     */
    FineTuneAdapter(BackboneHeadModel model, AdaptationScope scope, Params meta, Params alpha, double innerLr,
                    int steps) {
        this(model, scope, meta, rates(alpha, innerLr), steps);
    }

    private FineTuneAdapter(BackboneHeadModel model, AdaptationScope scope, Params meta, RuleForSupport rules,
                            int steps) {
        this.model = model;
        this.scope = scope;
        this.snapshot = meta.copyAsVariables();
        this.rules = rules;
        this.steps = steps;
        this.dataType = snapshot.tensors().get(0).dataType();
    }

    /**
     * An adapter of the whole of {@code model}, from a copy of {@code start} taken now, with the rule {@code rules}
     * gives each episode; the rule must hold its own copies of anything it learned (later training must not reach
     * it).
     */
    public static FineTuneAdapter withRule(BackboneHeadModel model, Params start, RuleForSupport rules, int steps) {
        return new FineTuneAdapter(model, AdaptationScope.WHOLE, start, rules, steps);
    }

    private static RuleForSupport rates(Params alpha, double innerLr) {
        if (alpha == null) {
            UpdateRule sgd = UpdateRule.sgd(innerLr);
            return (support, type) -> sgd;
        }
        UpdateRule learned = UpdateRule.learnedRates(alpha.map(t -> Tensor.constant(t.value().dup())));
        return (support, type) -> learned;
    }

    /** The whole network's weights after adapting to {@code support}, detached from everything else. */
    public Params adaptedParams(Examples support, TaskType type) {
        Params start = snapshot.copyAsVariables();
        TaskLoss loss = TaskLoss.of(support, type, dataType);
        ForwardContext ctx = ForwardContext.training(0);
        Tensor input;
        try (Scope noGrad = Autograd.noGrad()) {
            input = scope.input(model, start, loss.x(), ctx);
        }
        Params fast = InnerLoop.adapt(scope.net(model), scope.adapted(start), input, loss, rules.rule(support, type),
                steps, false, ctx);
        return scope.merge(start, fast).map(Tensor::detach);
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        checkWays(model, type, ways);
        Params fast = adaptedParams(support, type);
        return x -> predict(fast, x);
    }

    /** Fails naming {@code train.way} when a classification episode's ways differ from {@code model}'s outputs. */
    public static void checkWays(BackboneHeadModel model, TaskType type, int ways) {
        if (type == TaskType.CLASSIFICATION) {
            long outputs = model.head().parameterSpecs().get(0).shape()[0];
            if (ways != outputs) {
                throw new IllegalArgumentException("episode has " + ways + " ways but the learner was built for "
                        + outputs + " (train.way)");
            }
        }
    }

    private INDArray predict(Params fast, INDArray x) {
        try (Scope noGrad = Autograd.noGrad()) {
            return model.whole().forward(fast, Tensor.constant(x.castTo(dataType)), ForwardContext.training(0))
                    .value();
        }
    }
}
