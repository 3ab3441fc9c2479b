package org.metalearn4j.core.learner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.backend.StepArena;
import org.metalearn4j.core.nn.ForwardContext;
import org.metalearn4j.core.nn.Params;
import org.metalearn4j.core.nn.RunningStats;
import org.metalearn4j.core.optim.GradClip;
import org.metalearn4j.core.optim.ScheduledAdamConfig;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.metalearn4j.core.tensor.Tensor;

/**
 * A learner trained by Adam on an {@link EpisodeObjective}: each step checks the meta-batch's data, computes the
 * objective's loss, and takes one optimizer step on all parameters (the learning rate from the schedule, the gradient
 * clipped if configured). Nothing is updated when the loss or the gradient is not finite, so a checkpoint never holds
 * NaN parameters.
 *
 * <p>State ({@link TrainingState}): parameters, Adam's moments, batch-norm statistics when the objective's network
 * keeps them, and the step counter; the step's random stream is {@code Seeds.derive(seed, 1, step)}, so a reloaded
 * learner continues bitwise identically.
 */
public final class EpisodeObjectiveLearner implements StatefulLearner {
    private final EpisodeObjective objective;
    private final ScheduledAdamConfig optimizer;
    private final long seed;
    private final TrainingState state;

    /**
     * @param initial   the freshly initialised parameters (leaf variables)
     * @param stats     batch-norm running statistics to keep and save, or null when the network has none
     * @param seed      the base of every step's random stream
     */
    public EpisodeObjectiveLearner(EpisodeObjective objective, Params initial, ScheduledAdamConfig optimizer,
                                   RunningStats stats, long seed) {
        this.objective = Objects.requireNonNull(objective, "objective");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.seed = seed;
        this.state = new TrainingState(initial, optimizer.create(), stats);
    }

    @Override
    public StepMetrics step(List<Task> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("step: the meta-batch is empty");
        }
        batch.forEach(Task::requireFinite);
        Params params = state.params();
        RunningStats stats = state.stats() == null ? new RunningStats() : state.stats();
        ForwardContext ctx = new ForwardContext(true, stats, Seeds.derive(seed, 1, state.steps()));
        try (StepArena arena = StepArena.open()) {
            EpisodeObjective.Result r = objective.loss(params, batch, ctx);
            double loss = r.loss().item();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(failure(batch, "the loss is " + loss));
            }
            Params grads = params.grad(r.loss(), false);
            double norm = GradClip.globalNorm(grads);
            if (!Double.isFinite(norm)) {
                throw new IllegalStateException(failure(batch, "the gradient's norm is " + norm));
            }
            if (optimizer.gradClip() > 0) {
                grads = GradClip.clipByGlobalNorm(grads, optimizer.gradClip());
            }
            double factor = optimizer.schedule().factor(state.steps());
            state.optimizer().setLearningRateFactor(factor);
            // parameters, moments and running statistics are updated in place: nothing made here outlives the arena
            state.step(grads);
            Map<String, Double> extras = new LinkedHashMap<>(r.extras());
            extras.put("lr", optimizer.learningRate() * factor);
            extras.put("gradNorm", norm);
            return new StepMetrics(loss, r.metric(), extras);
        }
    }

    private String failure(List<Task> batch, String what) {
        return "step " + (state.steps() + 1) + ": " + what + " on the meta-batch from "
                + batch.stream().map(Task::domain).distinct().toList() + "; nothing was updated (lower the learning"
                + " rate or set optimizer.gradClip)";
    }

    @Override
    public Adapter adapter() {
        RunningStats stats = new RunningStats();
        if (state.stats() != null) {
            stats.load(state.stats().toStateDict());
        }
        return objective.adapter(state.params().map(t -> Tensor.constant(t.value().dup())), stats);
    }

    @Override
    public LearnerState learnerState() {
        return state;
    }

    /** Completed training steps. */
    public long steps() {
        return state.steps();
    }

    /** The current parameters (the optimizer updates their buffers in place). */
    public Params params() {
        return state.params();
    }
}
