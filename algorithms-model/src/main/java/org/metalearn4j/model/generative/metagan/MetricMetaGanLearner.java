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
import org.metalearn4j.core.nn.Accuracy;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.nn.metric.MetricAdapter;
import org.metalearn4j.core.nn.metric.MetricHead;
import org.metalearn4j.core.nn.metric.MetricModel;
import org.metalearn4j.core.nn.metric.PrototypeHead;
import org.metalearn4j.core.nn.metric.RelationHead;
import org.metalearn4j.core.nn.metric.SupportLabels;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.generative.Noise;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MetaGAN with a metric classifier (Zhang et al. 2018's ProtoNet and RelationNet variants): core's
 * {@link MetricModel} scores an episode's real queries against the support set exactly as {@code protonet} or
 * {@code relationnet} does (support and queries embedded as one batch, batch-norm running statistics kept for
 * evaluation), and the fakes the generator makes from the support set are scored against the same support set. The
 * classifier minimizes the supervised loss plus the real-vs-fake terms, the generator its own loss, both averaged
 * over the meta-batch; one Adam step each.
 *
 * <p>Generated examples are embedded in a batch of their own whose statistics never reach the running averages, so
 * evaluation normalizes real examples as the base learner would. Evaluation is the base learner's
 * ({@link MetricAdapter}): prototypes of the real support set, N class logits.
 */
public final class MetricMetaGanLearner implements StatefulLearner, AdversarialLearner {
    private final MetricModel model;
    private final TaskGenerator generator;
    private final MetaGanConfig config;
    private final AdversarialState state;
    private final long seed;

    private MetricMetaGanLearner(MetricModel model, TaskGenerator generator, MetaGanConfig config,
                                 AdversarialState state, long seed) {
        this.model = model;
        this.generator = generator;
        this.config = config;
        this.state = state;
        this.seed = seed;
    }

    /**
     * A freshly initialised learner: the classifier as {@code protonet} or {@code relationnet} initialises it (a
     * pretrained backbone and its statistics from the context when given) with a fake logit of 0.
     */
    static MetricMetaGanLearner create(MetaGanConfig config, LearnerContext context, DataType dataType) {
        Backbone embedding = context.backbone(config.backbone(), BackboneUse.EMBEDDING);
        MetricHead head = config.classifier() == ClassifierKind.RELATIONNET
                ? new RelationHead(Math.toIntExact(embedding.featureSize()), config.metric().relationHidden())
                : new PrototypeHead(config.metric().distance(), config.metric().cosineScale());
        MetricModel model = new MetricModel(embedding.module(), head);
        RunningStats stats = new RunningStats();
        context.initialBackbone().ifPresent(b -> BackboneHeadModel.loadStatistics(stats, b));
        Params classifier = MamlMetaGanLearner.withFakeLogit(model.init(Seeds.derive(context.seed(), 0), dataType,
                context.initialBackbone()), dataType);
        TaskGenerator generator = new TaskGenerator(context.inputShape(), config.generator());
        Params gen = generator.init(Seeds.derive(context.seed(), 7), dataType);
        return new MetricMetaGanLearner(model, generator, config, new AdversarialState(classifier, stats, gen, config),
                context.seed());
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        Params params = state.classifier().params();
        Params gen = state.generator().params();
        DataType type = params.tensors().get(0).dataType();
        long step = state.steps();
        ForwardContext ctx = new ForwardContext(true, state.classifier().stats(), Seeds.derive(seed, 1, step));
        try (StepArena arena = StepArena.open()) {
            Tensor classifierTotal = null;
            Tensor generatorTotal = null;
            double accuracy = 0;
            double realProbability = 0;
            double fakeProbability = 0;
            for (int t = 0; t < batch.size(); t++) {
                Task task = batch.get(t);
                SupportLabels labels = new SupportLabels(MetricModel.classLabels(task.support().y(),
                        task.domain() + " support"), task.ways());
                int[] queryLabels = MetricModel.classLabels(task.query().y(), task.domain() + " query");
                int s = task.support().size();
                Tensor supportX = Tensor.constant(task.support().x().castTo(type));
                Tensor embedded = model.embed(params, Tensor.constant(Nd4j.concat(0, supportX.value(),
                        task.query().x().castTo(type))), ctx);
                Tensor support = embedded.slice(0, 0, s);
                Tensor query = embedded.slice(0, s, embedded.shape()[0]);
                Tensor fakes = generator.generate(gen, supportX, config.fakesPerClass() * task.ways(),
                        new Noise(Seeds.derive(seed, 2, step, t)));
                // generated examples get batch statistics of their own that never reach the running averages
                Tensor fakeEmbedded = model.embed(params, fakes, new ForwardContext(true, new RunningStats(),
                        Seeds.derive(seed, 3, step, t)));
                Tensor realLogits = model.logits(params, support, labels, query);
                Tensor fakeLogits = model.logits(params, support, labels, fakeEmbedded);
                Tensor fakeLogit = params.get(MamlDiscriminator.FAKE);
                Tensor classifierLoss = Discrimination.classifierLoss(realLogits, queryLabels, fakeLogits, fakeLogit,
                        config.adversarialWeight());
                Tensor generatorLoss = Discrimination.generatorLoss(config.generator().loss(), query, fakeEmbedded,
                        fakeLogits, fakeLogit);
                classifierTotal = classifierTotal == null ? classifierLoss : classifierTotal.add(classifierLoss);
                generatorTotal = generatorTotal == null ? generatorLoss : generatorTotal.add(generatorLoss);
                accuracy += Accuracy.of(realLogits.value(), queryLabels);
                realProbability += Discrimination.meanRealProbability(Discrimination.realness(realLogits, fakeLogit));
                fakeProbability += Discrimination.meanRealProbability(Discrimination.realness(fakeLogits, fakeLogit));
            }
            int n = batch.size();
            Tensor classifierLoss = classifierTotal.div(n);
            Tensor generatorLoss = generatorTotal.div(n);
            Params classifierGrads = params.grad(classifierLoss, false);
            Params generatorGrads = gen.grad(generatorLoss, false);
            // parameters, moments and running statistics are updated in place: nothing made here outlives the arena
            double norm = state.step(classifierGrads, generatorGrads);
            Map<String, Double> extras = new LinkedHashMap<>();
            extras.put("generatorLoss", generatorLoss.item());
            extras.put("realProbability", realProbability / n);
            extras.put("fakeProbability", fakeProbability / n);
            extras.put("gradNorm", norm);
            return new StepMetrics(classifierLoss.item(), accuracy / n, extras);
        }
    }

    @Override
    public Adapter adapter() {
        return new MetricAdapter(model, snapshot(), statistics());
    }

    @Override
    public RealFakeScores discriminate(Task task, long noiseSeed) {
        Params params = snapshot();
        DataType type = params.tensors().get(0).dataType();
        ForwardContext evaluation = new ForwardContext(false, statistics(), 0);
        try (Scope noGrad = Autograd.noGrad()) {
            Tensor supportX = Tensor.constant(task.support().x().castTo(type));
            SupportLabels labels = new SupportLabels(MetricModel.classLabels(task.support().y(), "support"),
                    task.ways());
            Tensor support = model.embed(params, supportX, evaluation);
            Tensor query = model.embed(params, Tensor.constant(task.query().x().castTo(type)), evaluation);
            Tensor fakes = model.embed(params, generator.generate(snapshotOf(state.generator().params()), supportX,
                    task.query().size(), new Noise(noiseSeed)), evaluation);
            Tensor fakeLogit = params.get(MamlDiscriminator.FAKE);
            return new RealFakeScores(
                    Discrimination.probabilities(Discrimination.realness(model.logits(params, support, labels,
                            query), fakeLogit)),
                    Discrimination.probabilities(Discrimination.realness(model.logits(params, support, labels,
                            fakes), fakeLogit)));
        }
    }

    private Params snapshot() {
        return snapshotOf(state.classifier().params());
    }

    private static Params snapshotOf(Params params) {
        return params.map(t -> Tensor.constant(t.value().dup()));
    }

    private RunningStats statistics() {
        RunningStats stats = new RunningStats();
        stats.load(state.classifier().stats().toStateDict());
        return stats;
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }
}
