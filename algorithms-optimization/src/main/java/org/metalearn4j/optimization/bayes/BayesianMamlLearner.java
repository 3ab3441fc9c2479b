package org.metalearn4j.optimization.bayes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.MetaGradients;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskEpisode;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.MamlConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bayesian MAML (Yoon et al. 2018) and its ensemble baseline. The meta-parameters are the initial values of M
 * {@link Particles}, each an independently initialised network. In a task, the particles are adapted together to the
 * support set: by Stein variational gradient descent ({@link SvgdRule}) for Bayesian MAML, by independent gradient
 * steps for the ensemble (M MAMLs). The meta-objective is the chaser loss, the squared distance of the adapted
 * particles (the chaser) to where {@code leaderSteps} more steps on support and query together take them (the
 * leader, not differentiated), averaged over particles; or the particles' mean query negative log-likelihood.
 *
 * <p>One task's result is the meta-gradient of all its particles together (the kernel couples them), so tasks are
 * what a {@link org.metalearn4j.core.exec.TaskExecutor} spreads over threads or workers. Predictions average the
 * particles ({@link UncertainPredictor}). Batch norm as in MAML: each task's own batch statistics.
 */
public final class BayesianMamlLearner implements TaskwiseLearner, StatefulLearner {

    /** The two members. */
    public enum Variant {
        /** Particles coupled by SVGD. */
        BMAML,
        /** Independent particles: an ensemble of MAMLs. */
        ENSEMBLE
    }

    private final Particles particles;
    private final Variant variant;
    private final BayesianMamlConfig config;
    private final TrainingState state;
    private final long seed;

    private BayesianMamlLearner(Particles particles, Variant variant, BayesianMamlConfig config, Params meta,
                                long seed) {
        this.particles = particles;
        this.variant = variant;
        this.config = config;
        this.state = new TrainingState(meta, config.metaOptimizer().create(), null);
        this.seed = seed;
    }

    /**
     * A learner whose particle {@code m} starts from the network's initialisation with seed {@code derive(seed, m)}.
     *
     * @param dataType float32 for training; float64 for gradient checks
     * @throws IllegalArgumentException naming {@code particles} when SVGD gets fewer than 2
     */
    public static BayesianMamlLearner create(BayesianMamlConfig config, LearnerContext context, Variant variant,
                                             DataType dataType) {
        if (variant == Variant.BMAML && config.particles() < 2) {
            throw new IllegalArgumentException("particles: Stein variational gradient descent needs at least 2"
                    + " particles, got " + config.particles() + " (ensemble-maml with 1 particle is MAML)");
        }
        BackboneHeadModel model = BackboneHeadModel.linearHead(context.backbone(config.backbone(),
                BackboneUse.FEATURES), context.outputs());
        Particles particles = new Particles(model, config.particles(), context.type());
        List<Params> initial = new ArrayList<>();
        for (int m = 0; m < config.particles(); m++) {
            initial.add(model.init(Seeds.derive(context.seed(), m), dataType, context.initialBackbone()));
        }
        double logPrecision = -2 * Math.log(config.noiseStd());
        return new BayesianMamlLearner(particles, variant, config, particles.join(initial, logPrecision),
                context.seed());
    }

    @Override
    public TaskResult computeTask(Task task, int index) {
        Params meta = state.params();
        return TaskEpisode.run(task, meta, seed, state.steps(), index, episode -> {
            ForwardContext ctx = episode.ctx();
            Params chaser = InnerLoop.adapt(meta, (fast, step) -> particles.objective(fast, episode.support(), ctx),
                    rule(), config.innerSteps(), config.order() == MamlConfig.Order.SECOND);
            Tensor objective = config.metaLoss() == BayesianMamlConfig.MetaLoss.CHASER
                    ? chaserLoss(chaser, union(task, episode.support().x().dataType()), ctx)
                    : particles.objective(chaser, episode.query(), ctx).div(particles.count());
            double metric;
            try (Scope noGrad = Autograd.noGrad()) {
                metric = metric(chaser, episode.query().x(), task, ctx);
            }
            return MetaGradients.of(meta, objective, objective.item(), metric, Map.of());
        });
    }

    /** The mean over particles of the squared distance to the leader, which is not differentiated. */
    private Tensor chaserLoss(Params chaser, TaskLoss all, ForwardContext ctx) {
        Params leader = InnerLoop.adapt(chaser.map(Tensor::detachVariable),
                (fast, step) -> particles.objective(fast, all, ctx), UpdateRule.detached(rule()), config.leaderSteps(),
                false).map(Tensor::detach);
        Tensor total = null;
        for (String n : chaser.names()) {
            Tensor d = chaser.get(n).sub(leader.get(n)).square().sum();
            total = total == null ? d : total.add(d);
        }
        return total.div(particles.count());
    }

    /** The ensemble's accuracy or the MSE of its mean prediction on the query set. */
    private double metric(Params adapted, Tensor x, Task task, ForwardContext ctx) {
        UncertainPredictor.Predictive p = particles.predictive(adapted, particles.outputs(adapted, x, ctx));
        INDArray y = task.query().y();
        if (task.type() == TaskType.CLASSIFICATION) {
            int[] labels = y.toIntVector();
            int[] predicted = p.mean().argMax(1).toIntVector();
            int correct = 0;
            for (int i = 0; i < labels.length; i++) {
                correct += predicted[i] == labels[i] ? 1 : 0;
            }
            return correct / (double) labels.length;
        }
        INDArray diff = p.mean().castTo(DataType.DOUBLE).sub(y.castTo(DataType.DOUBLE).reshape(p.mean().shape()));
        return diff.muli(diff).meanNumber().doubleValue();
    }

    private static TaskLoss union(Task task, DataType dataType) {
        Examples s = task.support();
        Examples q = task.query();
        return TaskLoss.of(new Examples(Nd4j.concat(0, s.x(), q.x()), Nd4j.concat(0, s.y(), q.y())), task.type(),
                dataType);
    }

    UpdateRule rule() {
        return variant == Variant.BMAML ? new SvgdRule(config.innerLr(), config.bandwidth(), particles)
                : UpdateRule.sgd(config.innerLr());
    }

    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        config.metaOptimizer().scheduleNext(state);
        return MetaGradients.apply(state, results, config.gradClip());
    }

    @Override
    public int taskThreads() {
        return config.taskThreads();
    }

    @Override
    public ParticleAdapter adapter() {
        return new ParticleAdapter(particles, state.params(), rule(), config.evalInnerSteps());
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }

    /** The first particle's backbone, for pipelines that hand a backbone on. */
    @Override
    public StateDict backbone() {
        return BackboneHeadModel.backboneState(state.params().scope(Particles.prefix(0)), null);
    }
}
