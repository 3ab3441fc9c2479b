package org.metalearn4j.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.learner.Adapter;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.LearnerContext;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.nn.BackboneSpec;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.optim.Adam;
import org.metalearn4j.core.optim.AdamConfig;
import org.metalearn4j.core.optim.LrSchedule;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.task.TaskType;
import org.metalearn4j.core.tensor.Tensor;
import org.metalearn4j.metric.head.MetricHead;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Episodic training of a {@link MetricModel} with Adam and a learning-rate schedule: each step averages the episode
 * losses of a meta-batch and takes one optimizer step on backbone and head together.
 *
 * <p>State: {@code params.*}, batch-norm statistics {@code bn.*}, Adam moments {@code optim.*} and the step counter
 * {@code step}; everything that influences later steps, so a reload continues bitwise identically.
 */
public final class MetricLearner implements Learner {
    private final MetricModel model;
    private final Adam optimizer;
    private final LrSchedule schedule;
    private final double baseRate;
    private final RunningStats runningStats = new RunningStats();
    private final long seed;
    private Params params;
    private long step;

    /**
     * A learner for {@code context}, its parameters from {@code context.seed()} and, where given, the backbone from
     * {@code context.initialBackbone()}.
     */
    public MetricLearner(MetricModel model, OptimizerConfig optimizer, LearnerContext context) {
        this.model = model;
        this.optimizer = new Adam(new AdamConfig(optimizer.learningRate(), 0.9, 0.999, 1e-8,
                optimizer.weightDecay(), List.of()));
        this.schedule = optimizer.schedule();
        this.baseRate = optimizer.learningRate();
        this.seed = context.seed();
        Params fresh = model.init(Seeds.derive(seed, 0), DataType.FLOAT);
        this.params = context.initialBackbone().map(b -> withBackbone(fresh, b)).orElse(fresh);
        context.initialBackbone().ifPresent(b -> runningStats.load(new StateDict().putAll(
                MetricModel.BACKBONE + ".", b)));
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
        long[] shape = context.inputShape();
        MetricModel model = new MetricModel(backbone.buildEmbedding(shape),
                headForEmbedding.apply(backbone.featureSize(shape)));
        return new MetricLearner(model, optimizer, context);
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        ForwardContext ctx = new ForwardContext(true, runningStats, Seeds.derive(seed, 1, step));
        try (StepArena arena = StepArena.open()) {
            Tensor total = null;
            double accuracy = 0;
            for (Task task : batch) {
                EpisodeResult r = model.episode(params, task, ctx);
                total = total == null ? r.loss() : total.add(r.loss());
                accuracy += r.accuracy();
            }
            Tensor loss = total.div(batch.size());
            double factor = schedule.factor(step);
            optimizer.setLearningRateFactor(factor);
            // parameters, moments and running statistics are updated in place: nothing made here outlives the arena
            optimizer.step(params, params.grad(loss, false));
            step++;
            return new StepMetrics(loss.item(), accuracy / batch.size(), Map.of("lr", baseRate * factor));
        }
    }

    @Override
    public Adapter adapter() {
        RunningStats stats = new RunningStats();
        stats.load(runningStats.toStateDict());
        return new MetricAdapter(model, params.map(t -> Tensor.constant(t.value().dup())), stats);
    }

    @Override
    public StateDict state() {
        StateDict sd = new StateDict();
        sd.putAll("params.", params.toStateDict());
        sd.putAll("bn.", runningStats.toStateDict());
        sd.putAll("optim.", optimizer.state());
        sd.putLongs("step", step);
        return sd;
    }

    @Override
    public void load(StateDict state) {
        params = params.load(state.withPrefix("params."));
        runningStats.load(state.withPrefix("bn."));
        optimizer.loadState(state.withPrefix("optim."));
        step = state.getLongs("step")[0];
    }

    /** Backbone parameters and batch-norm statistics, named as the backbone module names them. */
    @Override
    public StateDict backbone() {
        String prefix = MetricModel.BACKBONE + ".";
        return params.scope(MetricModel.BACKBONE).toStateDict()
                .putAll("", runningStats.toStateDict().withPrefix(prefix));
    }

    /** Completed training steps. */
    public long steps() {
        return step;
    }

    private static Params withBackbone(Params fresh, StateDict backbone) {
        Params loaded = fresh.scope(MetricModel.BACKBONE).load(backbone);
        String prefix = MetricModel.BACKBONE + ".";
        LinkedHashMap<String, Tensor> merged = new LinkedHashMap<>();
        for (String name : fresh.names()) {
            merged.put(name, name.startsWith(prefix) ? loaded.get(name.substring(prefix.length())) : fresh.get(name));
        }
        return Params.of(merged);
    }
}
