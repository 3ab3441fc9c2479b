package org.metalearn4j.optimization.lstm;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.LearnedHead;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluation with the LSTM meta-learner: a copy of the learned initial parameters is updated on the support set by
 * the meta-learner (first order, one step's graph at a time), then the query is classified with batch norm
 * normalising by the support set's statistics under the adapted weights: the paper's non-transductive evaluation.
 * Everything is copied when the adapter is made, so later training cannot reach it. An episode of another number of
 * classes than {@code train.way} starts every class at the mean learned head row ({@link LearnedHead}); the
 * coordinatewise meta-learner then updates a learner of that size as it does any other, its state being sized from
 * the parameters it starts from.
 */
public final class LstmMetaAdapter implements Adapter {
    private final BackboneHeadModel model;
    private final Params start;
    private final UpdateRule rule;
    private final int steps;
    private final DataType dataType;

    LstmMetaAdapter(BackboneHeadModel model, Params start, MetaLstm metaLstm, Params weights, int steps) {
        this.model = model;
        this.start = start.copyAsVariables();
        this.rule = UpdateRule.detached(metaLstm.rule(weights.map(t -> Tensor.constant(t.value().dup())), true));
        this.steps = steps;
        this.dataType = this.start.tensors().get(0).dataType();
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        TaskLoss loss = TaskLoss.of(support, type, dataType);
        Params begin = LearnedHead.forWays(start.copyAsVariables(), BackboneHeadModel.HEAD, type, ways);
        Params fast = InnerLoop.adapt(model.whole(), begin, loss.x(), loss, rule, steps, false,
                ForwardContext.training(0)).map(Tensor::detach);
        RunningStats supportStatistics = RunningStats.lastBatch();
        try (Scope noGrad = Autograd.noGrad()) {
            model.whole().forward(fast, loss.x(), new ForwardContext(true, supportStatistics, 0));
        }
        return x -> predict(fast, supportStatistics, x);
    }

    private INDArray predict(Params fast, RunningStats statistics, INDArray x) {
        try (Scope noGrad = Autograd.noGrad()) {
            return model.whole().forward(fast, Tensor.constant(x.castTo(dataType)),
                    new ForwardContext(false, statistics, 0)).value();
        }
    }
}
