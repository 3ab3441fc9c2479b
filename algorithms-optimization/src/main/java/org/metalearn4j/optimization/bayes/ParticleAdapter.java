package org.metalearn4j.optimization.bayes;

import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.learner.TaskLoss;
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
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Evaluation of a particle learner: a copy of the particles' initial values is adapted to the support set with the
 * training inner update (one step's graph at a time), and the episode's predictor averages the adapted particles:
 * an {@link UncertainPredictor}. Batch norm as MAML's evaluation: support statistics while adapting, the query
 * batch's while predicting. An episode of another number of classes than {@code train.way} starts each particle's
 * classes at its mean learned head row ({@link Particles#forWays}); the kernel of SVGD compares whole particles, so
 * it serves particles of any width.
 */
public final class ParticleAdapter implements Adapter {
    private final Particles particles;
    private final Params snapshot;
    private final UpdateRule rule;
    private final int steps;
    private final DataType dataType;

    ParticleAdapter(Particles particles, Params initial, UpdateRule rule, int steps) {
        this.particles = particles;
        this.snapshot = initial.copyAsVariables();
        this.rule = UpdateRule.detached(rule);
        this.steps = steps;
        this.dataType = snapshot.tensors().get(0).dataType();
    }

    @Override
    public UncertainPredictor adapt(Examples support, TaskType type, int ways) {
        TaskLoss loss = TaskLoss.of(support, type, dataType);
        ForwardContext ctx = ForwardContext.training(0);
        Params adapted = InnerLoop.adapt(particles.forWays(snapshot.copyAsVariables(), ways),
                (fast, step) -> particles.objective(fast, loss, ctx), rule, steps, false).map(Tensor::detach);
        return new UncertainPredictor() {
            @Override
            public Predictive predictive(INDArray x) {
                try (Scope noGrad = Autograd.noGrad()) {
                    return particles.predictive(adapted, particles.outputs(adapted,
                            Tensor.constant(x.castTo(dataType)), ForwardContext.training(0)));
                }
            }

            @Override
            public INDArray predict(INDArray x) {
                INDArray mean = predictive(x).mean();
                return type == TaskType.CLASSIFICATION ? Transforms.log(mean, false) : mean;
            }
        };
    }
}
