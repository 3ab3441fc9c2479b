package org.metalearn4j.model.generative.statistician;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.generate.ExampleGenerator;
import org.metalearn4j.core.generate.GenerativeLearner;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.task.ClassSets;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Autograd;
import org.metalearn4j.core.tensor.Scope;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.model.generative.Noise;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Meta-trains a {@link Statistician} on episodes: every class of a task is one set, its first K support examples the
 * context (K drawn per task from {@code minShots..maxShots}) and all its support and query examples the targets; a
 * step maximizes the mean conditional ELBO per pixel over the meta-batch with Adam.
 *
 * <p>Its {@link #adapter()} classifies by likelihood (each query goes to the class under whose support set its ELBO
 * is highest), so the training loop's evaluation reports an accuracy; {@link #generator()} makes new examples.
 *
 * <p>State ({@link TrainingState}): parameters, batch-norm statistics of the encoder, Adam moments and the step
 * counter. The draws of a step come from {@link Noise} seeded by the step and task, so a reload continues bitwise.
 */
public final class StatisticianLearner implements StatefulLearner, GenerativeLearner {
    private final Statistician model;
    private final StatisticianConfig config;
    private final long seed;
    private final TrainingState state;

    private StatisticianLearner(Statistician model, StatisticianConfig config, long seed, Params params) {
        this.model = model;
        this.config = config;
        this.seed = seed;
        this.state = new TrainingState(params, config.optimizer().create(), new RunningStats());
    }

    /**
     * A freshly initialised learner for {@code context}'s examples (a pretrained encoder from
     * {@code context.initialBackbone()} when given).
     *
     * @param dataType float32 for training, float64 for gradient checks
     */
    public static StatisticianLearner create(StatisticianConfig config, LearnerContext context, DataType dataType) {
        if (context.type() != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("neural-statistician learns from sets of examples of one class; the"
                    + " data set's tasks are " + context.type());
        }
        Statistician model = new Statistician(context.backbone(config.backbone(), BackboneUse.FEATURES),
                context.inputShape(), config);
        Params params = model.layout().init(Seeds.derive(context.seed(), 0), dataType, context.initialBackbone());
        StatisticianLearner learner = new StatisticianLearner(model, config, context.seed(), params);
        context.initialBackbone().ifPresent(b -> BackboneHeadModel.loadStatistics(learner.state.stats(), b));
        return learner;
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        Params params = state.params();
        DataType type = params.tensors().get(0).dataType();
        ForwardContext ctx = new ForwardContext(true, state.stats(), Seeds.derive(seed, 1, state.steps()));
        try (StepArena arena = StepArena.open()) {
            Tensor total = null;
            double likelihood = 0;
            double latentKl = 0;
            double contextKl = 0;
            for (int t = 0; t < batch.size(); t++) {
                Task task = batch.get(t);
                checkShots(task);
                long taskSeed = Seeds.derive(seed, 2, state.steps(), t);
                int k = new SplittableRandom(taskSeed).nextInt(config.minShots(), config.maxShots() + 1);
                Tensor sets = Tensor.constant(ClassSets.of(task.support(), task.query(), task.ways(), type,
                        task.domain()));
                Statistician.Elbo elbo = model.elbo(params, sets, k, 0, ctx, new Noise(taskSeed));
                Tensor loss = elbo.perPixel().neg();
                total = total == null ? loss : total.add(loss);
                likelihood += elbo.likelihood().item() / elbo.targetPixels();
                latentKl += elbo.latentKl().item() / elbo.targetPixels();
                contextKl += elbo.contextKl().item() / elbo.targetPixels();
            }
            Tensor loss = total.div(batch.size());
            state.optimizer().setLearningRateFactor(config.optimizer().schedule().factor(state.steps()));
            state.step(params.grad(loss, false));
            int n = batch.size();
            return new StepMetrics(loss.item(), Double.NaN, Map.of("elboPerPixel", -loss.item(),
                    "likelihoodPerPixel", likelihood / n, "latentKlPerPixel", latentKl / n,
                    "contextKlPerPixel", contextKl / n));
        }
    }

    private void checkShots(Task task) {
        if (task.type() != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("neural-statistician: " + task.domain() + " is a " + task.type()
                    + " task; it learns from classification episodes");
        }
        if (task.shots() < config.maxShots()) {
            throw new IllegalArgumentException("neural-statistician: training episodes have " + task.shots()
                    + " support examples per class but maxShots is " + config.maxShots() + "; set train.shot to at"
                    + " least " + config.maxShots());
        }
    }

    /**
     * A Monte-Carlo estimate of the conditional ELBO per pixel of {@code task}'s query examples given its support
     * set (all its shots), in nats: {@code samples} draws of the latents from {@code seed}, encoder in evaluation mode.
     * The test log-likelihood bound of held-out examples of unseen classes.
     */
    public double queryElboPerPixel(Task task, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        Params params = state.params();
        DataType type = params.tensors().get(0).dataType();
        try (Scope noGrad = Autograd.noGrad(); StepArena arena = StepArena.open()) {
            Tensor sets = Tensor.constant(ClassSets.of(task.support(), task.query(), task.ways(), type,
                    task.domain()));
            int shots = task.shots();
            if (shots < config.minShots() || shots > config.maxShots()) {
                throw new IllegalArgumentException("neural-statistician: " + shots + " support examples per class,"
                        + " but it was trained on " + config.minShots() + " to " + config.maxShots());
            }
            Noise noise = new Noise(seed);
            double sum = 0;
            for (int s = 0; s < samples; s++) {
                sum += model.elbo(params, sets, shots, shots, evaluation(), noise).perPixel().item();
            }
            return sum / samples;
        }
    }

    private ForwardContext evaluation() {
        return new ForwardContext(false, state.stats(), 0);
    }

    @Override
    public Adapter adapter() {
        return new LikelihoodAdapter(model, snapshot(), statistics());
    }

    @Override
    public ExampleGenerator generator() {
        return new StatisticianGenerator(model, snapshot(), statistics(), config.minShots(), config.maxShots());
    }

    private Params snapshot() {
        return state.params().map(t -> Tensor.constant(t.value().dup()));
    }

    private RunningStats statistics() {
        RunningStats copy = new RunningStats();
        copy.load(state.stats().toStateDict());
        return copy;
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }

    /** Completed training steps. */
    public long steps() {
        return state.steps();
    }

    /** The trained parameters themselves (leaf variables), for checks in this package. */
    Params parameters() {
        return state.params();
    }

    Statistician model() {
        return model;
    }
}
