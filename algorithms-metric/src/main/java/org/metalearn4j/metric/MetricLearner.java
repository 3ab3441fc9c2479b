package org.metalearn4j.metric;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
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

/**
 * Episodic training of a {@link MetricModel} with Adam and a learning-rate schedule: each step averages the episode
 * losses of a meta-batch and takes one optimizer step on backbone and head together.
 *
 * <p>State ({@link TrainingState}): parameters, batch-norm statistics, Adam moments and the step counter; everything
 * that influences later steps, so a reload continues bitwise identically.
 */
public final class MetricLearner implements Learner {
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

    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        Params params = state.params();
        ForwardContext ctx = new ForwardContext(true, state.stats(), Seeds.derive(seed, 1, state.steps()));
        try (StepArena arena = StepArena.open()) {
            Tensor total = null;
            double accuracy = 0;
            for (Task task : batch) {
                EpisodeResult r = model.episode(params, task, ctx);
                total = total == null ? r.loss() : total.add(r.loss());
                accuracy += r.accuracy();
            }
            Tensor loss = total.div(batch.size());
            double factor = schedule.factor(state.steps());
            state.optimizer().setLearningRateFactor(factor);
            // parameters, moments and running statistics are updated in place: nothing made here outlives the arena
            state.step(params.grad(loss, false));
            return new StepMetrics(loss.item(), accuracy / batch.size(), Map.of("lr", baseRate * factor));
        }
    }

    @Override
    public Adapter adapter() {
        RunningStats stats = new RunningStats();
        stats.load(state.stats().toStateDict());
        return new MetricAdapter(model, state.params().map(t -> Tensor.constant(t.value().dup())), stats);
    }

    @Override
    public StateDict state() {
        return state.save();
    }

    @Override
    public void load(StateDict saved) {
        state.load(saved);
    }

    /** Backbone parameters and batch-norm statistics, named as the backbone module names them. */
    @Override
    public StateDict backbone() {
        return state.backbone();
    }

    /** Completed training steps. */
    public long steps() {
        return state.steps();
    }
}
