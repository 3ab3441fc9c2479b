package org.metalearn4j.optimization.learned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.MetaGradients;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskLoss;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Linear;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.optim.OptimizerSetup;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.MamlConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Meta-trains a learned LSTM optimizer (Andrychowicz et al. 2016, "Learning to learn by gradient descent by gradient
 * descent"). One training iteration optimizes every task's problem ({@link OptimizationProblem}: a freshly initialised
 * optimizee on minibatches of the task's support set) for {@code steps} steps with the current optimizer, truncated
 * every {@code unroll} steps: after each truncation the tasks' mean optimizee loss (or its log, {@code objective})
 * averaged over its steps, differentiated through the updates with respect to the LSTM's weights, is applied by the
 * meta-optimizer, and the optimization continues from where it stopped (truncated backpropagation through time).
 *
 * <p>The tasks of an iteration are optimized together ({@link ProblemBatch}): every step runs the LSTM once over the
 * coordinates of all problems, which is the same as running it on each. The LSTM's weights are {@code lstm.<group>.*}
 * ({@link CoordinatewiseLstm}, one network per parameter group). An iteration is all or nothing: a non-finite
 * optimizee loss stops it with an error naming the task and step, and the learner is put back to its state before the
 * iteration.
 */
public final class LearnedOptimizerLearner implements Learner {
    /** The optimizer networks' weights live under {@code lstm.<group>.}. */
    static final String LSTM = "lstm";
    private static final String SEED = "seed";

    private final LearnedOptimizerConfig config;
    private final BackboneHeadModel optimizee;
    private final CoordinatewiseLstm network;
    private final ParameterGroups groups;
    private final TrainingState state;
    private final DataType dataType;
    private long seed;

    private LearnedOptimizerLearner(LearnedOptimizerConfig config, BackboneHeadModel optimizee, Params weights,
                                    DataType dataType, long seed) {
        this.config = config;
        this.optimizee = optimizee;
        this.network = config.network();
        this.groups = config.parameterGroups();
        this.state = new TrainingState(weights, config.metaOptimizer().create(), null);
        this.dataType = dataType;
        this.seed = seed;
    }

    /**
     * A learner with freshly initialised LSTM weights for problems of {@code context}'s shape.
     *
     * @param dataType float32 for training; float64 for gradient checks
     */
    public static LearnedOptimizerLearner create(LearnedOptimizerConfig config, LearnerContext context,
                                                 DataType dataType) {
        Backbone backbone = context.backbone(config.backbone(), BackboneUse.FEATURES);
        BackboneHeadModel optimizee = new BackboneHeadModel(backbone.module(),
                new Linear(Math.toIntExact(backbone.featureSize()), context.outputs(), config.headBias()));
        ParameterGroups groups = config.parameterGroups();
        for (ParameterSpec p : optimizee.whole().parameterSpecs()) {
            groups.of(p.name());
        }
        return new LearnedOptimizerLearner(config, optimizee, initialWeights(config, context.seed(), dataType),
                dataType, context.seed());
    }

    private static Params initialWeights(LearnedOptimizerConfig config, long seed, DataType dataType) {
        List<ParameterSpec> specs = config.network().parameterSpecs();
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (int g = 0; g < config.groups().size(); g++) {
            for (int i = 0; i < specs.size(); i++) {
                ParameterSpec s = specs.get(i);
                weights.put(LSTM + "." + g + "." + s.name(), Tensor.variable(s.init().create(s.shape(), dataType,
                        Seeds.derive(seed, 7, g, i))));
            }
        }
        return Params.of(weights);
    }

    /**
     * One iteration: every task's problem optimized for {@code steps} steps, with a meta-update after each truncation.
     * Reports the tasks' mean final loss on their whole support set and their query metric.
     */
    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        StateDict before = state();
        try {
            return optimize(batch);
        } catch (RuntimeException e) {
            load(before);
            throw new IllegalStateException("learned-optimizer, iteration " + (state.steps() + 1) + ": "
                    + e.getMessage() + "; the learner is back at its state before the iteration", e);
        }
    }

    private StepMetrics optimize(List<Task> batch) {
        long iteration = state.steps();
        Params weights = state.params();
        LearnedLstmRule rule = new LearnedLstmRule(network, weights.scope(LSTM), groups,
                config.order() == MamlConfig.Order.FIRST, ProblemBatch::parameterName);
        List<OptimizationProblem> problems = new ArrayList<>();
        List<Params> starts = new ArrayList<>();
        for (int j = 0; j < batch.size(); j++) {
            Task task = batch.get(j);
            problems.add(new OptimizationProblem(optimizee, task.support(), task.type(), dataType,
                    config.batchSize(), Seeds.derive(seed, iteration, j, 1)));
            starts.add(optimizee.init(Seeds.derive(seed, iteration, j, 0), dataType));
        }
        ProblemBatch joint = new ProblemBatch(problems);
        Trajectory run = new Trajectory(joint, rule, joint.join(starts), config.order() == MamlConfig.Order.SECOND);
        config.metaOptimizer().scheduleNext(state);
        double metaLoss = 0;
        double norm = 0;
        int truncations = 0;
        for (int from = 0; from < config.steps(); from += config.unroll()) {
            int length = Math.min(config.unroll(), config.steps() - from);
            Tensor objective = truncation(run, length, joint.size(), config.objective());
            TaskResult result = MetaGradients.of(weights, objective, objective.item(), Double.NaN, Map.of());
            run.detach();
            norm = MetaGradients.update(state.optimizer(), weights, List.of(result), config.gradClip());
            metaLoss += objective.item();
            truncations++;
        }
        state.stepDone();
        double loss = 0;
        double metric = 0;
        try (Scope noGrad = Autograd.noGrad()) {
            for (int j = 0; j < joint.size(); j++) {
                Params trained = ProblemBatch.part(run.params(), j);
                loss += joint.problem(j).fullLoss(trained).item();
                Task task = batch.get(j);
                TaskLoss query = TaskLoss.of(task.query(), task.type(), dataType);
                metric += query.metric(optimizee.forward(trained, query.x(), ForwardContext.training(seed)));
            }
        }
        return new StepMetrics(loss / joint.size(), metric / joint.size(),
                Map.of("metaLoss", metaLoss / truncations, MetaGradients.NORM, norm));
    }

    /**
     * {@code length} steps of all problems at once and the truncation's objective: the mean over the steps of the
     * tasks' mean loss (or its log) at the parameters each step produced. The loss before the first update does not
     * depend on the optimizer and is left out.
     */
    private static Tensor truncation(Trajectory run, int length, int tasks, LearnedOptimizerConfig.Objective kind) {
        Tensor total = null;
        for (int k = 0; k < length; k++) {
            Tensor loss = run.advance();
            if (k > 0) {
                total = add(total, term(loss, tasks, kind));
            }
        }
        return add(total, term(run.loss(), tasks, kind)).div(length);
    }

    private static Tensor term(Tensor jointLoss, int tasks, LearnedOptimizerConfig.Objective kind) {
        Tensor mean = jointLoss.div(tasks);
        return kind == LearnedOptimizerConfig.Objective.LOG ? mean.log() : mean;
    }

    private static Tensor add(Tensor total, Tensor term) {
        return total == null ? term : total.add(term);
    }

    /** Trains a fresh optimizee on each support set with the current optimizer for {@code evalSteps} steps. */
    @Override
    public LearnedOptimizerAdapter adapter() {
        return new LearnedOptimizerAdapter(optimizee, ruleSnapshot(), config.batchSize(), config.evalSteps(),
                dataType, seed);
    }

    /**
     * The trained optimizer for any training loop ({@link org.metalearn4j.core.optim.Optimizer}), with a copy of the
     * current weights.
     */
    public LearnedLstmOptimizer optimizer(OptimizerSetup setup) {
        return new LearnedLstmOptimizer(network, copy(state.params().scope(LSTM)), groups, setup,
                "learned-optimizer");
    }

    private LearnedLstmRule ruleSnapshot() {
        return new LearnedLstmRule(network, copy(state.params().scope(LSTM)), groups, true);
    }

    private static Params copy(Params weights) {
        return weights.map(t -> Tensor.constant(t.value().dup()));
    }

    /** The optimizee network of this learner's problems. */
    public BackboneHeadModel optimizee() {
        return optimizee;
    }

    /** The training state and the seed the problems' initialisations and minibatches derive from. */
    @Override
    public StateDict state() {
        return state.save().putLongs(SEED, seed);
    }

    @Override
    public void load(StateDict saved) {
        state.load(saved);
        seed = saved.getLongs(SEED)[0];
    }

    /** A learned optimizer has no backbone of its own: an empty state. */
    @Override
    public StateDict backbone() {
        return new StateDict();
    }
}
