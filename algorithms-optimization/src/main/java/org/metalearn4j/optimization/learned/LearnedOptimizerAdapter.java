package org.metalearn4j.optimization.learned;

import java.util.List;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Predictor;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Evaluation of a learned optimizer: every episode trains a freshly initialised optimizee (the same initialisation
 * and minibatch stream for every episode) on the support set for {@code steps} steps, one step's graph at a time,
 * and predicts with the result. The optimizer is coordinatewise and the optimizee starts afresh, so an episode of
 * any number of classes gets an optimizee whose head has that many outputs.
 */
public final class LearnedOptimizerAdapter implements Adapter {
    private final BackboneHeadModel optimizee;
    private final UpdateRule rule;
    private final int batchSize;
    private final int steps;
    private final DataType dataType;
    private final long seed;

    LearnedOptimizerAdapter(BackboneHeadModel optimizee, UpdateRule rule, int batchSize, int steps, DataType dataType,
                            long seed) {
        this.optimizee = optimizee;
        this.rule = UpdateRule.detached(rule);
        this.batchSize = batchSize;
        this.steps = steps;
        this.dataType = dataType;
        this.seed = seed;
    }

    @Override
    public Predictor adapt(Examples support, TaskType type, int ways) {
        BackboneHeadModel model = type == TaskType.CLASSIFICATION ? withOutputs(ways) : optimizee;
        OptimizationProblem problem = new OptimizationProblem(model, support, type, dataType, batchSize,
                Seeds.derive(seed, -1));
        Trajectory run = new Trajectory(problem, rule, model.init(Seeds.derive(seed, -2), dataType), false);
        for (int s = 0; s < steps; s++) {
            run.advance();
        }
        Params trained = run.params().map(Tensor::detach);
        return x -> {
            try (Scope noGrad = Autograd.noGrad()) {
                return model.forward(trained, Tensor.constant(x.castTo(dataType)), ForwardContext.training(0))
                        .value();
            }
        };
    }

    /** The optimizee with a linear head of {@code ways} outputs. */
    private BackboneHeadModel withOutputs(int ways) {
        List<ParameterSpec> head = optimizee.head().parameterSpecs();
        long[] weight = head.get(0).shape();
        if (weight[0] == ways) {
            return optimizee;
        }
        return new BackboneHeadModel(optimizee.backbone(), new Linear(Math.toIntExact(weight[1]), ways,
                head.size() > 1));
    }
}
