package org.metalearn4j.optimization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
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
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MAML and the learners that differ from it only in what the inner loop adapts and with which update rule: the
 * meta-objective is the query loss after {@link InnerLoop} adapted the weights on the support set, and its gradient
 * with respect to the initialization (and, for Meta-SGD, the step sizes) is averaged over the meta-batch and applied
 * by the meta-optimizer.
 *
 * <p>Each task's meta-gradient is one {@link TaskResult} ({@link #computeTask}); {@link #applyResults} sums them in
 * task order, so where and how many at once the tasks are computed changes speed, not the update.
 *
 * <p>Each task gets its own {@link ForwardContext}, so batch norm uses that task's batch statistics in the inner loop
 * and on the query set (Finn et al.); running averages are never used.
 *
 * <p>The head each task starts from is {@link MamlConfig#head()}'s ({@link EpisodeHead}): the meta-learned one, or
 * one built for the task's number of classes, whose meta-gradient is chained back through the prototypes it was
 * built from. The meta-optimizer's learning rate follows {@link MetaOptimizerConfig#schedule()}.
 */
public final class GradientMetaLearner implements TaskwiseLearner, StatefulLearner {
    /** Learned step sizes are stored beside the weights under {@code "alpha.<weight name>"}. */
    static final String ALPHA = "alpha";

    /** The family members. */
    public enum Variant {
        /** MAML / FOMAML (Finn et al., 2017): every weight adapted with a fixed step size. */
        MAML(AdaptationScope.WHOLE, false),
        /** ANIL (Raghu et al., 2020): only the head adapted. */
        ANIL(AdaptationScope.HEAD, false),
        /** Meta-SGD (Li et al., 2017): every weight adapted with a learned per-entry step size. */
        META_SGD(AdaptationScope.WHOLE, true);

        private final AdaptationScope scope;
        private final boolean learnedStepSize;

        Variant(AdaptationScope scope, boolean learnedStepSize) {
            this.scope = scope;
            this.learnedStepSize = learnedStepSize;
        }
    }

    private final BackboneHeadModel model;
    private final Variant variant;
    private final MamlConfig config;
    private final TrainingState state;
    private final long seed;

    private GradientMetaLearner(BackboneHeadModel model, Variant variant, MamlConfig config, Params meta, long seed) {
        this.model = model;
        this.variant = variant;
        this.config = config;
        this.state = new TrainingState(meta, config.metaOptimizer().create(), null);
        this.seed = seed;
    }

    /**
     * A freshly initialised learner.
     *
     * @param dataType float32 for training; float64 for gradient checks
     */
    public static GradientMetaLearner create(MamlConfig config, LearnerContext context, Variant variant,
                                             DataType dataType) {
        if (!config.head().metaLearned() && context.type() != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("head: zero and prototypes build a classifier head for each episode;"
                    + " the data set's tasks are " + context.type() + " (use learned)");
        }
        BackboneHeadModel model = BackboneHeadModel.linearHead(context.backbone(config.backbone(),
                BackboneUse.FEATURES), context.outputs());
        Params init = model.init(context.seed(), dataType, context.initialBackbone());
        Params theta = config.head().metaLearned() ? init
                : init.filter(n -> !n.startsWith(BackboneHeadModel.HEAD + "."));
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (String n : theta.names()) {
            all.put(n, theta.get(n));
        }
        if (variant.learnedStepSize) {
            Params adapted = variant.scope.adapted(theta);
            for (String n : adapted.names()) {
                all.put(ALPHA + "." + n, rates(adapted.get(n).shape(), config.innerLr(), dataType));
            }
            if (!config.head().metaLearned()) {
                // a head built per episode has one row of rates, shared by every class
                long width = featureWidth(model);
                all.put(ALPHA + "." + BackboneHeadModel.HEAD + ".weight", rates(new long[] {1, width},
                        config.innerLr(), dataType));
                all.put(ALPHA + "." + BackboneHeadModel.HEAD + ".bias", rates(new long[] {1}, config.innerLr(),
                        dataType));
            }
        }
        return new GradientMetaLearner(model, variant, config, Params.of(all), context.seed());
    }

    private static Tensor rates(long[] shape, double value, DataType dataType) {
        return Tensor.variable(Nd4j.valueArrayOf(shape, value, dataType));
    }

    /** The backbone's feature width: the input width of the linear head. */
    static long featureWidth(BackboneHeadModel model) {
        return model.head().parameterSpecs().get(0).shape()[1];
    }

    /**
     * One task's meta-gradient with respect to every meta-parameter, its query loss and metric. Computed in a
     * {@link StepArena} of its thread, so the next task reuses this one's memory; only the meta-gradient (the size of
     * the parameters) is copied out.
     */
    @Override
    public TaskResult computeTask(Task task, int index) {
        Params meta = state.params();
        return TaskEpisode.run(task, meta, seed, state.steps(), index, episode -> {
            TaskLoss support = episode.support();
            TaskLoss query = episode.query();
            ForwardContext ctx = episode.ctx();
            Params theta = weights(meta);
            AdaptationScope scope = variant.scope;
            Tensor supportInput = scope.input(model, theta, support.x(), ctx);
            EpisodeHead start = EpisodeHead.start(config.head(), theta, task.support(), task.type(), task.ways(),
                    featureWidth(model), () -> scope == AdaptationScope.HEAD ? supportInput
                            : model.features(theta, support.x(), ctx), EpisodeHead.Use.META_GRADIENT);
            UpdateRule rule = variant.learnedStepSize ? UpdateRule.learnedRates(meta.scope(ALPHA))
                    : UpdateRule.sgd(config.innerLr());
            Params fast = InnerLoop.adapt(scope.net(model), scope.adapted(start.params()), supportInput, support, rule,
                    config.innerSteps(), config.secondOrder(), ctx);
            Tensor output = scope.net(model).forward(fast, scope.input(model, theta, query.x(), ctx), ctx);
            Tensor queryLoss = query.loss(output);
            List<Tensor> grads = start.metaGradient(queryLoss, meta.tensors());
            StateDict gradient = StepArena.outside(() -> meta.withTensors(grads).toStateDict());
            return new TaskResult(gradient, queryLoss.item(), query.metric(output), Map.of());
        });
    }

    /** The mean of the tasks' meta-gradients, summed in task order, clipped if configured, applied by the optimizer. */
    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        config.metaOptimizer().scheduleNext(state);
        return MetaGradients.apply(state, results, config.gradClip());
    }

    @Override
    public int taskThreads() {
        return config.taskThreads();
    }

    /** Parameters and step count: a task reads nothing else (the optimizer's moments stay with the update). */
    @Override
    public StateDict computeState() {
        return state.computeState();
    }

    @Override
    public void loadComputeState(StateDict computeState) {
        state.loadComputeState(computeState);
    }

    private Params weights(Params meta) {
        return variant.learnedStepSize ? meta.filter(n -> !n.startsWith(ALPHA + ".")) : meta;
    }

    @Override
    public FineTuneAdapter adapter() {
        Params meta = state.params();
        return new FineTuneAdapter(model, variant.scope, config.head(), config.evalBatchStatistics(), weights(meta),
                variant.learnedStepSize ? meta.scope(ALPHA) : null, config.innerLr(), config.evalInnerSteps());
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }

    /** The network these weights run in. */
    public BackboneHeadModel model() {
        return model;
    }
}
