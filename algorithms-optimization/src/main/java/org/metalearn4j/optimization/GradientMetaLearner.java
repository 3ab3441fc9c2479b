package org.metalearn4j.optimization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.optim.GradClip;
import org.metalearn4j.core.optim.Optimizer;
import org.metalearn4j.core.optim.UpdateRule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.TaskPool;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MAML and the learners that differ from it only in what the inner loop adapts and with which step size: the
 * meta-objective is the query loss after {@link InnerLoop} adapted the weights on the support set, and its gradient
 * with respect to the initialization (and, for Meta-SGD, the step sizes) is averaged over the meta-batch and applied
 * by the meta-optimizer.
 *
 * <p>The tasks of a meta-batch are independent until their meta-gradients are averaged, so {@code taskThreads} of
 * them are computed at once ({@link TaskPool}); the average is summed in task order, so the thread count changes
 * speed, not the update.
 *
 * <p>Each task gets its own {@link ForwardContext}, so batch norm uses that task's batch statistics in the inner loop
 * and on the query set (Finn et al.); running averages are never used.
 */
public final class GradientMetaLearner implements Learner {
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

    private final SplitModel model;
    private final Variant variant;
    private final MamlConfig config;
    private final Optimizer optimizer;
    private final long seed;
    private Params meta;
    private long steps;

    private GradientMetaLearner(SplitModel model, Variant variant, MamlConfig config, Params meta, long seed) {
        this.model = model;
        this.variant = variant;
        this.config = config;
        this.optimizer = config.metaOptimizer().create();
        this.meta = meta;
        this.seed = seed;
    }

    /**
     * A freshly initialised learner.
     *
     * @param dataType float32 for training; float64 for gradient checks
     */
    public static GradientMetaLearner create(MamlConfig config, LearnerContext context, Variant variant,
                                             DataType dataType) {
        SplitModel model = SplitModel.build(config.backbone(), context);
        Params theta = model.init(context.seed(), dataType);
        if (context.initialBackbone().isPresent()) {
            theta = SplitModel.withBody(theta, context.initialBackbone().get());
        }
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (String n : theta.names()) {
            all.put(n, theta.get(n));
        }
        if (variant.learnedStepSize) {
            Params adapted = variant.scope.adapted(theta);
            for (String n : adapted.names()) {
                all.put(ALPHA + "." + n, Tensor.variable(Nd4j.valueArrayOf(adapted.get(n).shape(), config.innerLr(),
                        dataType)));
            }
        }
        return new GradientMetaLearner(model, variant, config, Params.of(all), context.seed());
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        List<Tensor> vars = meta.tensors();
        DataType dataType = vars.get(0).dataType();
        List<TaskGradient> perTask = TaskPool.map(config.taskThreads(), batch.size(),
                i -> taskGradient(batch.get(i), vars, dataType, i));
        INDArray[] sums = new INDArray[vars.size()];
        double loss = 0;
        double metric = 0;
        for (TaskGradient t : perTask) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] = sums[k] == null ? t.grads()[k] : sums[k].addi(t.grads()[k]);
            }
            loss += t.loss();
            metric += t.metric();
        }
        List<Tensor> mean = new ArrayList<>(sums.length);
        for (INDArray s : sums) {
            mean.add(Tensor.constant(s.divi(batch.size())));
        }
        Params grads = meta.withTensors(mean);
        double norm = GradClip.globalNorm(grads);
        if (config.gradClip() > 0) {
            grads = GradClip.clipByGlobalNorm(grads, config.gradClip());
        }
        optimizer.step(meta, grads);
        steps++;
        return new StepMetrics(loss / batch.size(), metric / batch.size(), Map.of("metaGradNorm", norm));
    }

    /** One task's meta-gradient with respect to {@code vars}, its query loss and metric. */
    private record TaskGradient(INDArray[] grads, double loss, double metric) {
    }

    /**
     * Computed in a {@link StepArena} of its thread, so the next task reuses this one's memory; only the meta-gradient
     * (the size of the parameters) is copied out.
     */
    private TaskGradient taskGradient(Task task, List<Tensor> vars, DataType dataType, int index) {
        try (StepArena arena = StepArena.open()) {
            TaskLoss query = TaskLoss.of(task.query(), task.type(), dataType);
            Tensor output = adaptedQueryOutput(meta, TaskLoss.of(task.support(), task.type(), dataType), query,
                    ForwardContext.training(Seeds.derive(seed, steps, index)));
            Tensor queryLoss = query.loss(output);
            List<Tensor> grads = Autograd.grad(List.of(queryLoss), null, vars, false, true);
            INDArray[] values = StepArena.outside(() -> {
                INDArray[] copies = new INDArray[grads.size()];
                for (int k = 0; k < copies.length; k++) {
                    copies[k] = grads.get(k).value().dup();
                }
                return copies;
            });
            return new TaskGradient(values, queryLoss.item(), query.metric(output));
        }
    }

    /** The query outputs of the network after the inner loop adapted {@code meta}'s weights to the support set. */
    private Tensor adaptedQueryOutput(Params meta, TaskLoss support, TaskLoss query, ForwardContext ctx) {
        Params theta = weights(meta);
        AdaptationScope scope = variant.scope;
        UpdateRule step = variant.learnedStepSize ? UpdateRule.learnedRates(meta.scope(ALPHA))
                : UpdateRule.sgd(config.innerLr());
        Params fast = InnerLoop.adapt(scope.net(model), scope.adapted(theta), scope.input(model, theta, support.x(),
                ctx), support, step, config.innerSteps(), config.secondOrder(), ctx);
        return scope.net(model).forward(fast, scope.input(model, theta, query.x(), ctx), ctx);
    }

    private Params weights(Params meta) {
        return variant.learnedStepSize ? meta.filter(n -> !n.startsWith(ALPHA + ".")) : meta;
    }

    @Override
    public FineTuneAdapter adapter() {
        return new FineTuneAdapter(model, variant.scope, weights(meta),
                variant.learnedStepSize ? meta.scope(ALPHA) : null, config.innerLr(), config.evalInnerSteps());
    }

    @Override
    public StateDict state() {
        StateDict sd = new StateDict();
        sd.putAll("params.", meta.toStateDict());
        sd.putAll("optim.", optimizer.state());
        sd.putLongs("steps", steps);
        return sd;
    }

    @Override
    public void load(StateDict state) {
        meta = meta.load(state.withPrefix("params."));
        optimizer.loadState(state.withPrefix("optim."));
        steps = state.getLongs("steps")[0];
    }

    @Override
    public StateDict backbone() {
        return meta.scope(SplitModel.BODY).toStateDict();
    }

    /** The network these weights run in. */
    public SplitModel model() {
        return model;
    }
}
