package org.metalearn4j.optimization.conditioned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.MetaGradients;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskEpisode;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.Init;
import org.metalearn4j.core.nn.LearnedHead;
import org.metalearn4j.core.nn.ParameterSpec;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.task.Examples;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.optimization.FineTuneAdapter;
import org.metalearn4j.optimization.MamlConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A task-conditioned optimizer: a {@link SupportEncoder} reads the task's support set into an embedding, and a linear
 * conditioner maps it to one learning-rate scale per layer ({@code exp}, 1 at the start) and one weight per inner step
 * ({@code 2 sigmoid}, 1 at the start); the inner loop then runs {@link ConditionedRule}. Meta-trained like Meta-SGD:
 * the query loss after adaptation is differentiated with respect to the initialization ({@code backbone.*},
 * {@code head.*}), the base rates ({@code alpha.*}), the encoder ({@code encoder.*}) and the conditioner
 * ({@code conditioner.*}), averaged over the meta-batch and applied by the meta-optimizer.
 *
 * <p>A layer is a parameter's module path ({@code backbone.0} for {@code backbone.0.weight} and {@code .bias}).
 * Batch norm as in MAML: each task's own batch statistics.
 */
public final class TaskConditionedLearner implements TaskwiseLearner, StatefulLearner {
    static final String ALPHA = "alpha";
    static final String ENCODER = "encoder";
    static final String CONDITIONER = "conditioner";

    private final BackboneHeadModel model;
    private final SupportEncoder encoder;
    private final TaskConditionedConfig config;
    private final List<String> layers;
    private final Map<String, Integer> layerOf;
    private final int outputs;
    private final TrainingState state;
    private final long seed;

    private TaskConditionedLearner(BackboneHeadModel model, SupportEncoder encoder, TaskConditionedConfig config,
                                   List<String> layers, Map<String, Integer> layerOf, int outputs, Params meta,
                                   long seed) {
        this.model = model;
        this.encoder = encoder;
        this.config = config;
        this.layers = List.copyOf(layers);
        this.layerOf = Map.copyOf(layerOf);
        this.outputs = outputs;
        this.state = new TrainingState(meta, config.metaOptimizer().create(), null);
        this.seed = seed;
    }

    /**
     * A freshly initialised learner: the conditioner starts at zero, so every task starts with the base rates.
     *
     * @param dataType float32 for training; float64 for gradient checks
     */
    public static TaskConditionedLearner create(TaskConditionedConfig config, LearnerContext context,
                                                DataType dataType) {
        BackboneHeadModel model = BackboneHeadModel.linearHead(context.backbone(config.backbone(),
                BackboneUse.FEATURES), context.outputs());
        Params theta = model.init(context.seed(), dataType, context.initialBackbone());
        List<String> layers = new ArrayList<>();
        Map<String, Integer> layerOf = new LinkedHashMap<>();
        for (String n : theta.names()) {
            String layer = n.substring(0, n.lastIndexOf('.'));
            if (!layers.contains(layer)) {
                layers.add(layer);
            }
            layerOf.put(n, layers.indexOf(layer));
        }
        long inputWidth = Arrays.stream(context.inputShape()).reduce(1, Math::multiplyExact);
        SupportEncoder encoder = new MeanPoolEncoder(Math.toIntExact(inputWidth) + context.outputs(),
                config.encoder());
        Map<String, Tensor> all = new LinkedHashMap<>();
        theta.names().forEach(n -> all.put(n, theta.get(n)));
        if (config.perEntryRates()) {
            theta.names().forEach(n -> all.put(ALPHA + "." + n, Tensor.variable(Nd4j.valueArrayOf(
                    theta.get(n).shape(), config.innerLr(), dataType))));
        }
        List<ParameterSpec> specs = new ArrayList<>(encoder.parameterSpecs());
        for (int i = 0; i < specs.size(); i++) {
            ParameterSpec s = specs.get(i);
            all.put(ENCODER + "." + s.name(), Tensor.variable(s.init().create(s.shape(), dataType,
                    Seeds.derive(context.seed(), 3, i))));
        }
        int outputsOfConditioner = layers.size() + config.innerSteps();
        all.put(CONDITIONER + ".weight", Tensor.variable(Init.zeros().create(new long[] {outputsOfConditioner,
                encoder.width()}, dataType, 0)));
        all.put(CONDITIONER + ".bias", Tensor.variable(Init.zeros().create(new long[] {outputsOfConditioner},
                dataType, 0)));
        return new TaskConditionedLearner(model, encoder, config, layers, layerOf, context.outputs(),
                Params.of(all), context.seed());
    }

    @Override
    public TaskResult computeTask(Task task, int index) {
        Params meta = state.params();
        return TaskEpisode.run(task, meta, seed, state.steps(), index, episode -> episode.adaptedQueryGradient(meta,
                model.whole(), weights(meta), rule(meta, task.support(), task.type(), task.ways()),
                config.innerSteps(), config.order() == MamlConfig.Order.SECOND));
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

    /**
     * The rule for one support set of {@code ways} classes from the meta-parameters {@code meta} (live or a
     * snapshot): per-class base rates of the head are shared by every class when {@code ways} is not the trained
     * number ({@link LearnedHead#rates}).
     */
    private ConditionedRule rule(Params meta, Examples support, TaskType type, int ways) {
        Tensor conditioning = conditioning(meta, support, type);
        Tensor layerScale = conditioning.slice(0, 0, layers.size()).exp();
        Tensor stepWeights = conditioning.slice(0, layers.size(), conditioning.length()).sigmoid().mul(2.0);
        Params baseRates = config.perEntryRates()
                ? LearnedHead.rates(meta.scope(ALPHA), BackboneHeadModel.HEAD, type, ways) : null;
        return new ConditionedRule(baseRates, config.innerLr(), layerScale, stepWeights, layerOf);
    }

    /** The conditioner's raw output {@code [layers + innerSteps]} for a support set. */
    private Tensor conditioning(Params meta, Examples support, TaskType type) {
        DataType dataType = meta.tensors().get(0).dataType();
        Tensor x = Tensor.constant(support.x().castTo(dataType));
        Tensor embedding = encoder.encode(meta.scope(ENCODER), x, Tensor.constant(targets(support, type, dataType)));
        Params conditioner = meta.scope(CONDITIONER);
        return embedding.matmul(conditioner.get("weight"), false, true).add(conditioner.get("bias"))
                .reshape(layers.size() + config.innerSteps());
    }

    /**
     * Regression targets as they are, class labels one-hot over this learner's {@code train.way} outputs. The encoder
     * reads which support examples share a class, and class slots are arbitrary labels, so an episode of more classes
     * reuses the slots in turn (class {@code c} in slot {@code c mod train.way}); one of fewer leaves slots empty.
     */
    private INDArray targets(Examples support, TaskType type, DataType dataType) {
        if (type == TaskType.REGRESSION) {
            INDArray y = support.y().castTo(dataType);
            return y.rank() == 1 ? y.reshape(y.length(), 1) : y;
        }
        int[] labels = support.y().toIntVector();
        INDArray oneHot = Nd4j.zeros(dataType, labels.length, outputs);
        for (int i = 0; i < labels.length; i++) {
            oneHot.putScalar(i, labels[i] % outputs, 1.0);
        }
        return oneHot;
    }

    private static Params weights(Params meta) {
        return meta.filter(n -> !n.startsWith(ALPHA + ".") && !n.startsWith(ENCODER + ".")
                && !n.startsWith(CONDITIONER + "."));
    }

    /**
     * The rates this task's support set gets: per layer, the scale of its base rates; per inner step, the step's
     * weight. What shows that different task families get different optimizers.
     */
    public ConditionedRates rates(Examples support, TaskType type) {
        try (Scope noGrad = Autograd.noGrad()) {
            double[] c = conditioning(state.params(), support, type).value().toDoubleVector();
            double[] scale = new double[layers.size()];
            double[] weights = new double[config.innerSteps()];
            for (int l = 0; l < scale.length; l++) {
                scale[l] = Math.exp(c[l]);
            }
            for (int s = 0; s < weights.length; s++) {
                weights[s] = 2.0 / (1.0 + Math.exp(-c[layers.size() + s]));
            }
            return new ConditionedRates(layers, scale, weights);
        }
    }

    /**
     * What the conditioner made of one support set.
     *
     * @param layers      the layers, in parameter order
     * @param layerScale  each layer's multiplier of its base rates
     * @param stepWeights each inner step's multiplier
     */
    public record ConditionedRates(List<String> layers, double[] layerScale, double[] stepWeights) {
    }

    @Override
    public FineTuneAdapter adapter() {
        Params snapshot = state.params().map(t -> Tensor.constant(t.value().dup()));
        return FineTuneAdapter.withRule(model, weights(state.params()), (support, type, ways) -> {
            try (Scope noGrad = Autograd.noGrad()) {
                return rule(snapshot, support, type, ways);
            }
        }, config.evalInnerSteps());
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }
}
