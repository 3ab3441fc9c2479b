package org.metalearn4j.model.generative.metagan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.nn.metric.MetricModel;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.generative.Noise;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MetaGAN with a MAML classifier (Zhang et al. 2018): for each task the generator makes fakes from the support set;
 * the classifier's inner loop adapts on the real support examples and one batch of fakes, and the adapted classifier
 * is scored on the real queries and a second batch of fakes. The classifier's meta-gradient is that query loss's
 * gradient with respect to its initialization; the generator's gradient is that of its loss (feature matching or
 * {@code -log D}) through the second batch of fakes, with the adapted classifier held fixed.
 *
 * <p>A {@link TaskwiseLearner}: each task's two gradients are one {@link TaskResult} (entries {@code classifier.*}
 * and {@code generator.*}), combined in task order by {@link #applyResults}, so where the tasks run does not change
 * the update. Noise and batch-norm draws are seeded by step and task, so a reload continues bitwise.
 */
public final class MamlMetaGanLearner implements TaskwiseLearner, StatefulLearner, AdversarialLearner {
    private static final String CLASSIFIER = "classifier.";
    private static final String GENERATOR = "generator.";

    private final MamlDiscriminator discriminator;
    private final TaskGenerator generator;
    private final MetaGanConfig config;
    private final AdversarialState state;
    private final long seed;

    private MamlMetaGanLearner(MamlDiscriminator discriminator, TaskGenerator generator, MetaGanConfig config,
                               AdversarialState state, long seed) {
        this.discriminator = discriminator;
        this.generator = generator;
        this.config = config;
        this.state = state;
        this.seed = seed;
    }

    /**
     * A freshly initialised learner: the classifier as MAML initialises it (a pretrained backbone from the context
     * when given) with a fake logit of 0, the generator from its own seed.
     *
     * @param dataType float32 for training, float64 for gradient checks
     */
    static MamlMetaGanLearner create(MetaGanConfig config, LearnerContext context, DataType dataType) {
        BackboneHeadModel model = BackboneHeadModel.linearHead(context.backbone(config.backbone(),
                BackboneUse.FEATURES), context.outputs());
        Params theta = model.init(context.seed(), dataType, context.initialBackbone());
        TaskGenerator generator = new TaskGenerator(context.inputShape(), config.generator());
        Params gen = generator.init(Seeds.derive(context.seed(), 7), dataType);
        AdversarialState state = new AdversarialState(withFakeLogit(theta, dataType), null, gen, config);
        return new MamlMetaGanLearner(new MamlDiscriminator(model, config.inner(), config.adversarialWeight()),
                generator, config, state, context.seed());
    }

    /** {@code params} and a fake logit of 0. */
    static Params withFakeLogit(Params params, DataType dataType) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        params.names().forEach(n -> all.put(n, params.get(n)));
        all.put(MamlDiscriminator.FAKE, Tensor.variable(Nd4j.zeros(dataType, 1)));
        return Params.of(all);
    }

    @Override
    public TaskResult computeTask(Task task, int index) {
        Params meta = state.classifier().params();
        Params gen = state.generator().params();
        DataType type = meta.tensors().get(0).dataType();
        long taskSeed = Seeds.derive(seed, state.steps(), index);
        try (StepArena arena = StepArena.open()) {
            ForwardContext ctx = ForwardContext.training(taskSeed);
            Noise noise = new Noise(Seeds.derive(taskSeed, 1));
            Tensor supportX = Tensor.constant(task.support().x().castTo(type));
            Tensor queryX = Tensor.constant(task.query().x().castTo(type));
            int[] supportLabels = MetricModel.classLabels(task.support().y(), task.domain() + " support");
            int[] queryLabels = MetricModel.classLabels(task.query().y(), task.domain() + " query");
            int fakes = config.fakesPerClass() * task.ways();
            Tensor innerFakes = generator.generate(gen, supportX, fakes, noise).detach();
            Tensor queryFakes = generator.generate(gen, supportX, fakes, noise);
            Params fast = discriminator.adapt(meta, supportX, supportLabels, innerFakes, config.inner().steps(),
                    config.inner().secondOrder(), ctx);
            Tensor realFeatures = discriminator.features(fast, queryX, ctx);
            Tensor fakeFeatures = discriminator.features(fast, queryFakes, ctx);
            Tensor realLogits = discriminator.logits(fast, realFeatures, ctx);
            Tensor fakeLogits = discriminator.logits(fast, fakeFeatures, ctx);
            Tensor fakeLogit = fast.get(MamlDiscriminator.FAKE);
            Tensor classifierLoss = Discrimination.classifierLoss(realLogits, queryLabels, fakeLogits, fakeLogit,
                    config.adversarialWeight());
            Tensor generatorLoss = Discrimination.generatorLoss(config.generator().loss(), realFeatures, fakeFeatures,
                    fakeLogits, fakeLogit);
            List<Tensor> classifierGrads = Autograd.grad(List.of(classifierLoss), null, meta.tensors(), false, true);
            List<Tensor> generatorGrads = Autograd.grad(List.of(generatorLoss), null, gen.tensors(), false, true);
            double accuracy = Accuracy.of(realLogits.value(), queryLabels);
            double realProbability = Discrimination.meanRealProbability(Discrimination.realness(realLogits,
                    fakeLogit));
            double fakeProbability = Discrimination.meanRealProbability(Discrimination.realness(fakeLogits,
                    fakeLogit));
            StateDict gradients = StepArena.outside(() -> {
                StateDict g = new StateDict();
                g.putAll(CLASSIFIER, meta.withTensors(classifierGrads).toStateDict());
                g.putAll(GENERATOR, gen.withTensors(generatorGrads).toStateDict());
                return g;
            });
            return new TaskResult(gradients, classifierLoss.item(), accuracy, Map.of(
                    "generatorLoss", generatorLoss.item(), "realProbability", realProbability,
                    "fakeProbability", fakeProbability));
        }
    }

    /** The mean of the tasks' gradients, summed in task order, applied to both players. */
    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        Params classifierGrads = mean(results, CLASSIFIER, state.classifier().params());
        Params generatorGrads = mean(results, GENERATOR, state.generator().params());
        double norm = state.step(classifierGrads, generatorGrads);
        Map<String, Double> extras = new LinkedHashMap<>();
        for (String key : results.get(0).extras().keySet()) {
            extras.put(key, results.stream().mapToDouble(r -> r.extras().get(key)).average().orElseThrow());
        }
        extras.put("metaGradNorm", norm);
        return new StepMetrics(results.stream().mapToDouble(TaskResult::loss).average().orElseThrow(),
                results.stream().mapToDouble(TaskResult::metric).average().orElseThrow(), extras);
    }

    private static Params mean(List<TaskResult> results, String prefix, Params like) {
        List<String> names = like.names();
        INDArray[] sums = new INDArray[names.size()];
        for (TaskResult r : results) {
            StateDict g = r.tensors().withPrefix(prefix);
            for (int k = 0; k < sums.length; k++) {
                INDArray v = g.get(names.get(k));
                sums[k] = sums[k] == null ? v : sums[k].addi(v);
            }
        }
        Tensor[] means = new Tensor[sums.length];
        for (int k = 0; k < sums.length; k++) {
            means[k] = Tensor.constant(sums[k].divi(results.size()));
        }
        return like.withTensors(List.of(means));
    }

    @Override
    public int taskThreads() {
        return config.taskThreads();
    }

    @Override
    public Adapter adapter() {
        return snapshotAdapter();
    }

    @Override
    public RealFakeScores discriminate(Task task, long noiseSeed) {
        return snapshotAdapter().discriminate(task, noiseSeed);
    }

    private MamlMetaGanAdapter snapshotAdapter() {
        return new MamlMetaGanAdapter(discriminator, generator, state.classifier().params().copyAsVariables(),
                state.generator().params().map(t -> Tensor.constant(t.value().dup())), config);
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }
}
