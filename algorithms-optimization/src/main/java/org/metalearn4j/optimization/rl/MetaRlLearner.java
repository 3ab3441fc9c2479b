package org.metalearn4j.optimization.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.env.EnvironmentDataset;
import org.metalearn4j.core.env.EnvironmentFamily;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.InnerLoop;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskResults;
import org.metalearn4j.core.learner.TaskScorer;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.GradClip;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Meta-reinforcement learning with a Gaussian policy: MAML through policy-gradient adaptation (Finn et al. 2017), its
 * first-order form, and the pretrained-policy baseline, for the control tasks of an
 * {@link EnvironmentDataset}.
 *
 * <p>A task is an environment; its support and query sets say how many trajectories to sample. Adaptation is
 * {@link InnerLoop} with plain gradient steps on the negated {@link DiceObjective} of freshly sampled support
 * trajectories (with a {@link LinearFeatureBaseline}); the meta-objective is the DiCE surrogate of query trajectories
 * sampled with the adapted policy, differentiated through the adaptation (second order), with the adaptation's
 * gradients as constants (first order), or with no adaptation at all (pretraining). Each task's meta-gradient is one
 * {@link TaskResult}, combined in task order, so the update does not depend on where tasks ran.
 *
 * <p>Rollouts are seeded from the learner's seed, the step count and the task's position, so a run resumed from a
 * checkpoint samples the same trajectories and ends with the same weights.
 */
public final class MetaRlLearner implements TaskwiseLearner, TaskScorer {
    private static final String SEED = "rollouts.seed";

    private final GaussianPolicy policy;
    private final EnvironmentFamily family;
    private final MetaRlConfig config;
    private final TrainingState state;
    private long seed;

    private MetaRlLearner(GaussianPolicy policy, EnvironmentFamily family, MetaRlConfig config, Params params,
                          long seed) {
        this.policy = policy;
        this.family = family;
        this.config = config;
        this.state = new TrainingState(params, config.metaOptimizer().create(), null);
        this.seed = seed;
    }

    /**
     * A freshly initialised learner for the environments of {@code context}.
     *
     * @param dataType float32 for training; float64 for gradient checks
     * @throws IllegalArgumentException when the context's data are not control tasks
     */
    public static MetaRlLearner create(MetaRlConfig config, LearnerContext context, DataType dataType) {
        EnvironmentFamily family = context.environment().orElseThrow(() -> new IllegalArgumentException(
                "reinforcement learners act in environments, but the data set's tasks are " + context.type()
                        + " tasks; use an environment family such as nav2d"));
        GaussianPolicy policy = new GaussianPolicy(context.backbone(config.backbone(), BackboneUse.FEATURES),
                family.actionSize(), config.initialLogStd());
        Params params = policy.model().init(context.seed(), dataType, context.initialBackbone());
        return new MetaRlLearner(policy, family, config, params, context.seed());
    }

    /** One task's meta-gradient, its query surrogate loss, the query return and the return before adaptation. */
    @Override
    public TaskResult computeTask(Task task, int index) {
        Params meta = state.params();
        double[] parameters = EnvironmentDataset.parameters(task);
        long taskSeed = Seeds.derive(seed, state.steps(), index);
        try (StepArena arena = StepArena.open()) {
            Adaptation adaptation = config.order() == MetaRlConfig.Order.NONE
                    ? new Adaptation(meta, List.of())
                    : adapt(meta, parameters, task.support().size(), config.innerSteps(),
                            config.order() == MetaRlConfig.Order.SECOND, taskSeed);
            Trajectories query = sample(adaptation.params(), parameters, task.query().size(),
                    Seeds.derive(taskSeed, config.innerSteps()));
            Tensor loss = objective(adaptation.params(), query).neg();
            List<Tensor> grads = Autograd.grad(List.of(loss), null, meta.tensors(), false, true);
            StateDict gradient = StepArena.outside(() -> meta.withTensors(grads).toStateDict());
            double before = adaptation.batches().isEmpty() ? query.meanReturn()
                    : adaptation.batches().get(0).meanReturn();
            return new TaskResult(gradient, loss.item(), query.meanReturn(), Map.of("returnBefore", before));
        }
    }

    /** The mean of the tasks' meta-gradients in task order, clipped if configured, applied by the optimizer. */
    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        Params meta = state.params();
        Params grads = meta.withTensors(Arrays.stream(TaskResults.mean(results, meta.names())).map(Tensor::constant)
                .toList());
        double norm = GradClip.globalNorm(grads);
        if (config.gradClip() > 0) {
            grads = GradClip.clipByGlobalNorm(grads, config.gradClip());
        }
        config.metaOptimizer().scheduleNext(state);
        state.step(grads);
        return TaskResults.metrics(results, Map.of("metaGradNorm", norm));
    }

    @Override
    public int taskThreads() {
        return config.taskThreads();
    }

    @Override
    public String metricName() {
        return "return";
    }

    /** The mean return of the task's query trajectories after {@code evalInnerSteps} adaptation steps. */
    @Override
    public double score(Task task, long scoreSeed) {
        return evaluate(EnvironmentDataset.parameters(task), task.support().size(), task.query().size(),
                config.evalInnerSteps(), scoreSeed).returns().get(config.evalInnerSteps());
    }

    /**
     * Adapts a copy of the current policy to the task with these parameters and samples its query trajectories, for
     * reports and pictures: {@code batches().get(k)} was sampled after {@code k} steps (the last is the query batch).
     */
    public Evaluation evaluate(double[] parameters, int supportTrajectories, int queryTrajectories, int steps,
                               long evalSeed) {
        Params start = state.params().copyAsVariables();
        Adaptation adaptation = adapt(start, parameters, supportTrajectories, steps, false, evalSeed);
        List<Trajectories> batches = new ArrayList<>(adaptation.batches());
        batches.add(sample(adaptation.params(), parameters, queryTrajectories, Seeds.derive(evalSeed, steps)));
        return new Evaluation(batches);
    }

    /**
     * Adapts to the support trajectories of the task with the parameters in {@code support}'s rows; the predictor
     * maps observations {@code [N, observation]} to the adapted policy's mean actions.
     */
    @Override
    public Adapter adapter() {
        Params snapshot = state.params().copyAsVariables();
        return (support, type, ways) -> {
            if (type != TaskType.CONTROL) {
                throw new IllegalArgumentException("a policy adapts to control tasks, not " + type + " tasks");
            }
            double[] parameters = support.x().getRow(0).castTo(DataType.DOUBLE).toDoubleVector();
            Params adapted = adapt(snapshot.copyAsVariables(), parameters, support.size(), config.evalInnerSteps(),
                    false, Seeds.derive(seed, Arrays.hashCode(parameters))).params().map(t -> Tensor.constant(
                            t.value().dup()));
            DataType dataType = adapted.tensors().get(0).dataType();
            return x -> policy.mean(adapted, Tensor.constant(x.castTo(dataType))).value();
        };
    }

    /** The training state and the seed the rollouts derive from, which decides every future trajectory. */
    @Override
    public StateDict state() {
        return state.save().putLongs(SEED, seed);
    }

    @Override
    public void load(StateDict saved) {
        state.load(saved);
        seed = saved.getLongs(SEED)[0];
    }

    @Override
    public StateDict backbone() {
        return state.backbone();
    }

    /** The policy these weights run in. */
    public GaussianPolicy policy() {
        return policy;
    }

    /** The current weights (for tests and inspection). */
    Params params() {
        return state.params();
    }

    /** {@code steps} policy-gradient steps from {@code start}, each on a fresh batch of support trajectories. */
    private Adaptation adapt(Params start, double[] parameters, int trajectories, int steps, boolean createGraph,
                             long adaptSeed) {
        List<Trajectories> batches = new ArrayList<>();
        Params fast = InnerLoop.adapt(start, (weights, step) -> {
            Trajectories batch = sample(weights, parameters, trajectories, Seeds.derive(adaptSeed, step));
            batches.add(batch);
            return objective(weights, batch).neg();
        }, UpdateRule.sgd(config.innerLr()), steps, createGraph);
        return new Adaptation(fast, batches);
    }

    private Trajectories sample(Params weights, double[] parameters, int count, long sampleSeed) {
        return RolloutSampler.sample(policy, weights, family, parameters, count, sampleSeed);
    }

    private Tensor objective(Params weights, Trajectories batch) {
        return DiceObjective.surrogate(policy, weights, batch, LinearFeatureBaseline.fit(batch, config.discount()),
                config.discount());
    }

    /** Adapted weights and the support batches the adaptation sampled, in step order. */
    private record Adaptation(Params params, List<Trajectories> batches) {
    }

    /**
     * What {@link #evaluate} sampled: batch {@code k} with the weights after {@code k} adaptation steps.
     *
     * @param batches the trajectories, one batch per number of steps taken
     */
    public record Evaluation(List<Trajectories> batches) {
        public Evaluation {
            batches = List.copyOf(batches);
        }

        /** The mean return after each number of steps. */
        public List<Double> returns() {
            return batches.stream().map(Trajectories::meanReturn).toList();
        }
    }
}
