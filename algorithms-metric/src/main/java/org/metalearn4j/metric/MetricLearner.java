package org.metalearn4j.metric;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.LearnerState;
import org.metalearn4j.core.learner.StatefulLearner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.learner.TrainingState;
import org.metalearn4j.core.nn.BackboneHeadModel;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.nn.backbone.Backbone;
import org.metalearn4j.core.nn.backbone.BackboneUse;
import org.metalearn4j.core.nn.metric.EpisodeResult;
import org.metalearn4j.core.nn.metric.MetricAdapter;
import org.metalearn4j.core.nn.metric.MetricHead;
import org.metalearn4j.core.nn.metric.MetricModel;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.optim.OptimizerConfig;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Episodic training of a {@link MetricModel} with Adam and a learning-rate schedule: each step averages the episode
 * losses of a meta-batch and takes one optimizer step on backbone and head together.
 *
 * <p>The step is split by episode ({@link TaskwiseLearner}): each episode's gradient and batch-norm batch statistics
 * are one {@link TaskResult}, and {@link #applyResults} sums the gradients and replays the statistics into the running
 * averages in episode order, so episodes can be computed on other threads or worker processes.
 *
 * <p>State ({@link TrainingState}): parameters, batch-norm statistics, Adam moments and the step counter; everything
 * that influences later steps, so a reload continues bitwise identically.
 */
public final class MetricLearner implements TaskwiseLearner, StatefulLearner {
    private static final String GRAD = "grad.";
    private static final String BATCH_STATS = "bn.";

    private final MetricModel model;
    private final LrSchedule schedule;
    private final double baseRate;
    private final long seed;
    private final TrainingState state;

    /**
     * A learner for {@code context}, its parameters from {@code context.seed()} and, where given, the backbone from
     * {@code context.initialBackbone()}.
     */
    public MetricLearner(MetricModel model, OptimizerConfig optimizer, LearnerContext context) {
        this.model = model;
        this.schedule = optimizer.schedule();
        this.baseRate = optimizer.learningRate();
        this.seed = context.seed();
        RunningStats stats = new RunningStats();
        context.initialBackbone().ifPresent(b -> BackboneHeadModel.loadStatistics(stats, b));
        this.state = new TrainingState(model.init(Seeds.derive(seed, 0), DataType.FLOAT, context.initialBackbone()),
                optimizer.create(), stats);
    }

    /**
     * The learner every metric provider builds: checks the task type, creates the backbone for the context's input
     * shape and the head for the backbone's embedding width.
     */
    public static MetricLearner create(LearnerContext context, BackboneSpec backbone, OptimizerConfig optimizer,
                                       LongFunction<MetricHead> headForEmbedding) {
        if (context.type() != TaskType.CLASSIFICATION) {
            throw new IllegalArgumentException("metric learners classify; the data set's tasks are "
                    + context.type());
        }
        Backbone embedding = context.backbone(backbone, BackboneUse.EMBEDDING);
        MetricModel model = new MetricModel(embedding.module(), headForEmbedding.apply(embedding.featureSize()));
        return new MetricLearner(model, optimizer, context);
    }

    /** One episode's loss gradient and the batch statistics its batch-norm layers saw, its loss and accuracy. */
    @Override
    public TaskResult computeTask(Task task, int index) {
        Params params = state.params();
        RunningStats batchStats = RunningStats.recording();
        ForwardContext ctx = new ForwardContext(true, batchStats, taskSeed(index));
        try (StepArena arena = StepArena.open()) {
            EpisodeResult r = model.episode(params, task, ctx);
            Params grads = params.grad(r.loss(), false);
            StateDict out = StepArena.outside(() -> new StateDict().putAll(GRAD, grads.toStateDict())
                    .putAll(BATCH_STATS, batchStats.recordedUpdates()));
            return new TaskResult(out, r.loss().item(), r.accuracy(), Map.of());
        }
    }

    /**
     * The mean of the episodes' gradients (summed in episode order) applied by Adam at the scheduled rate, and their
     * batch statistics averaged into the running statistics in episode order.
     */
    @Override
    public StepMetrics applyResults(List<TaskResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        Params params = state.params();
        Params trainable = params.filter(n -> params.get(n).requiresGrad());
        List<String> names = trainable.names();
        INDArray[] sums = new INDArray[names.size()];
        double loss = 0;
        double accuracy = 0;
        for (TaskResult r : results) {
            for (int k = 0; k < sums.length; k++) {
                INDArray g = r.tensors().get(GRAD + names.get(k));
                sums[k] = sums[k] == null ? g : sums[k].addi(g);
            }
            state.stats().replay(r.tensors().withPrefix(BATCH_STATS));
            loss += r.loss();
            accuracy += r.metric();
        }
        Tensor[] mean = new Tensor[sums.length];
        for (int k = 0; k < sums.length; k++) {
            mean[k] = Tensor.constant(sums[k].divi(results.size()));
        }
        double factor = schedule.factor(state.steps());
        state.optimizer().setLearningRateFactor(factor);
        state.step(trainable.withTensors(List.of(mean)));
        return new StepMetrics(loss / results.size(), accuracy / results.size(), Map.of("lr", baseRate * factor));
    }

    /**
     * Episode 0 keeps the seed of the one forward context the whole meta-batch shared before the step was split by
     * episode, so that a meta-batch of one trains exactly as it did.
     */
    private long taskSeed(int index) {
        long stepSeed = Seeds.derive(seed, 1, state.steps());
        return index == 0 ? stepSeed : Seeds.derive(seed, 1, state.steps(), index);
    }

    /** Parameters and step count: an episode's gradient reads nothing else. */
    @Override
    public StateDict computeState() {
        return state.computeState();
    }

    @Override
    public void loadComputeState(StateDict computeState) {
        state.loadComputeState(computeState);
    }

    @Override
    public Adapter adapter() {
        RunningStats stats = new RunningStats();
        stats.load(state.stats().toStateDict());
        return new MetricAdapter(model, state.params().map(t -> Tensor.constant(t.value().dup())), stats);
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }

    /** Backbone parameters and batch-norm statistics, named as the backbone module names them. */
    /** Completed training steps. */
    public long steps() {
        return state.steps();
    }
}
