package org.metalearn4j.core.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.metalearn4j.core.event.CheckpointEvent;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.EventPublisher;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.exec.ExecutorStoppedException;
import org.metalearn4j.core.exec.LocalTaskExecutor;
import org.metalearn4j.core.exec.ScheduledTask;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.learner.TaskwiseLearner;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.tensor.NonFiniteException;

/**
 * The meta-training loop every caller shares (the {@code train} command, the {@code meta-train} pipeline stage,
 * benchmarks): sample a meta-batch, step the learner, publish a {@link StepEvent}, evaluate and write checkpoints on
 * schedule, stop on request or when the iterations or the time budget run out.
 *
 * <p>Task {@code j} of iteration {@code i} is {@code training.sample(Seeds.derive(seed, i, j))}, so the task stream
 * is a pure function of the iteration and a resumed run sees exactly the tasks an uninterrupted one would. A
 * {@link TaskwiseLearner}'s tasks are computed by the {@link TaskExecutor} (by default on
 * {@link TaskwiseLearner#taskThreads()} local threads); any other learner steps itself.
 *
 * <p>A step whose loss or parameters are not finite stops the run with a {@link TrainingDivergedException} naming the
 * iteration (and, inside {@link org.metalearn4j.core.tensor.Autograd#checkNumerics()}, the op that produced the first
 * NaN or Inf), before that step is published or checkpointed. In a {@link DryRun} it does one step and writes no
 * checkpoint.
 *
 * <p>The run's envelope (its start and end events, the run directory, restoring a checkpoint) belongs to the caller;
 * the loop publishes {@link StepEvent}, {@link EvalEvent} and {@link CheckpointEvent}.
 */
public final class MetaTrainingLoop {
    /** How many of the last steps {@link LoopResult#recentLoss()} averages. */
    public static final int RECENT = 20;

    private final Learner learner;
    private final TaskSource training;
    private final LoopPlan plan;
    private final String metricName;
    private TaskExecutor executor;
    private EventPublisher events = EventPublisher.NONE;
    private LoopEvaluation evaluation;
    private String evalSplit = "";
    private CheckpointWriter checkpoints;

    /**
     * @param metricName {@code accuracy} or {@code mse}, as step events name the step metric
     */
    public MetaTrainingLoop(Learner learner, TaskSource training, LoopPlan plan, String metricName) {
        this.learner = Objects.requireNonNull(learner, "learner");
        this.training = Objects.requireNonNull(training, "training");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.metricName = Objects.requireNonNull(metricName, "metricName");
    }

    /** Where a {@link TaskwiseLearner}'s tasks are computed; the caller keeps ownership (closes it). */
    public MetaTrainingLoop executor(TaskExecutor taskExecutor) {
        this.executor = taskExecutor;
        return this;
    }

    public MetaTrainingLoop events(EventPublisher publisher) {
        this.events = Objects.requireNonNull(publisher, "publisher");
        return this;
    }

    /** Evaluates on schedule and at the end; {@code split} names the episodes' split in {@link EvalEvent}s. */
    public MetaTrainingLoop evaluation(LoopEvaluation eval, String split) {
        this.evaluation = eval;
        this.evalSplit = split;
        return this;
    }

    public MetaTrainingLoop checkpoints(CheckpointWriter writer) {
        this.checkpoints = writer;
        return this;
    }

    /**
     * Trains from {@code from} (the learner already holds the state of that iteration) until the plan's
     * iterations or budget are done or {@code stop} says so; a stop lets the current step finish, and a checkpoint is
     * then written but no final evaluation run. An executor that gives up on a step
     * ({@link ExecutorStoppedException}) stops the run the same way, before that step.
     */
    public LoopResult run(LoopStart from, BooleanSupplier stop) {
        int start = from.iteration();
        long t0 = System.nanoTime();
        double trainSeconds = 0;
        double nextEvalSeconds = plan.evalEvery().seconds();
        double nextCheckpointSeconds = plan.checkpointEvery().seconds();
        Deque<LoopStart.RecentStep> recent = new ArrayDeque<>(from.recent());
        int iteration = start;
        int checkpointed = -1;
        int evaluated = -1;
        String lastCheckpoint = null;
        EvalResult lastEval = null;
        double lastLoss = Double.NaN;
        boolean interrupted = false;
        int end = DryRun.active() ? Math.min(plan.iterations(), start + 1) : plan.iterations();
        CheckpointWriter checkpoints = DryRun.active() ? null : this.checkpoints;
        while (iteration < end) {
            if (stop.getAsBoolean()) {
                interrupted = true;
                break;
            }
            if (trainSeconds >= plan.budgetSeconds()) {
                break;
            }
            long s0 = System.nanoTime();
            StepMetrics m;
            try {
                m = step(iteration);
            } catch (ExecutorStoppedException e) {
                // the executor said why; nothing of this step was applied, so stop as an interrupt would
                interrupted = true;
                break;
            }
            double stepSeconds = (System.nanoTime() - s0) / 1e9;
            trainSeconds += stepSeconds;
            iteration++;
            requireFinite(m, iteration);
            lastLoss = m.loss();
            if (recent.size() >= RECENT) {
                recent.removeFirst();
            }
            recent.addLast(new LoopStart.RecentStep(m.loss(), m.metric()));
            events.publish(new StepEvent(iteration, plan.iterations(), m.loss(), m.metric(), metricName, m.extras(),
                    seconds(t0), stepSeconds));
            boolean more = iteration < end && trainSeconds < plan.budgetSeconds();
            if (evaluation != null && more && due(plan.evalEvery(), iteration, trainSeconds, nextEvalSeconds)) {
                lastEval = evaluate(iteration, false);
                evaluated = iteration;
                nextEvalSeconds = next(plan.evalEvery(), trainSeconds, nextEvalSeconds);
            }
            if (checkpoints != null && more
                    && due(plan.checkpointEvery(), iteration, trainSeconds, nextCheckpointSeconds)) {
                lastCheckpoint = checkpoint(checkpoints, iteration, recent);
                checkpointed = iteration;
                nextCheckpointSeconds = next(plan.checkpointEvery(), trainSeconds, nextCheckpointSeconds);
            }
        }
        if (checkpoints != null && checkpointed != iteration && iteration > start) {
            lastCheckpoint = checkpoint(checkpoints, iteration, recent);
        }
        if (evaluation != null && !interrupted && evaluated != iteration) {
            lastEval = evaluate(iteration, true);
        }
        double recentLoss = recent.stream().mapToDouble(LoopStart.RecentStep::loss).average().orElse(Double.NaN);
        double recentMetric = recent.stream().mapToDouble(LoopStart.RecentStep::metric).average()
                .orElse(Double.NaN);
        if (Double.isNaN(lastLoss) && !recent.isEmpty()) {
            lastLoss = recent.getLast().loss();
        }
        return new LoopResult(iteration, interrupted, lastLoss, recentLoss, recentMetric, lastEval, lastCheckpoint,
                seconds(t0), trainSeconds);
    }

    private StepMetrics step(int iteration) {
        try {
            return unchecked(iteration);
        } catch (NonFiniteException e) {
            throw diverged(iteration + 1, e.getMessage() + " (Autograd.checkNumerics)", e);
        }
    }

    /**
     * Stops the run before the step's results are published or saved when its loss or the learner's parameters are
     * not finite: one sum per parameter array ({@link FiniteCheck}), cheap next to a step. The loss alone is not
     * enough: a ReLU or a max-pool can turn NaN weights into a finite, constant loss.
     */
    private void requireFinite(StepMetrics m, int iteration) {
        if (!Double.isFinite(m.loss())) {
            throw diverged(iteration, "the loss is " + m.loss(), null);
        }
        FiniteCheck.firstNonFinite(learner.trainedArrays()).ifPresent(p -> {
            throw diverged(iteration, "after the update, parameter " + p, null);
        });
    }

    private static TrainingDivergedException diverged(int iteration, String reason, Throwable cause) {
        TrainingDivergedException e = new TrainingDivergedException(iteration, reason);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private StepMetrics unchecked(int iteration) {
        List<ScheduledTask> batch = new ArrayList<>(plan.metaBatch());
        for (int j = 0; j < plan.metaBatch(); j++) {
            long taskSeed = Seeds.derive(plan.seed(), iteration, j);
            batch.add(new ScheduledTask(training.sample(taskSeed), j, taskSeed));
        }
        if (learner instanceof TaskwiseLearner taskwise) {
            TaskExecutor local = executor == null ? new LocalTaskExecutor(taskwise.taskThreads()) : executor;
            return local.step(taskwise, batch);
        }
        return learner.step(batch.stream().map(ScheduledTask::task).toList());
    }

    private EvalResult evaluate(int iteration, boolean last) {
        EvalResult r = evaluation.evaluate(learner, iteration, last);
        events.publish(new EvalEvent(iteration, evalSplit, r.metric(), r.value(), r.ci95(), r.episodes(),
                r.secondaryValues()));
        return r;
    }

    private String checkpoint(CheckpointWriter writer, int iteration, Deque<LoopStart.RecentStep> recent) {
        String file = writer.write(learner, iteration, List.copyOf(recent));
        events.publish(new CheckpointEvent(iteration, file));
        return file;
    }

    private static boolean due(Every every, int iteration, double trainSeconds, double nextSeconds) {
        if (every.iterations() > 0) {
            return iteration % every.iterations() == 0;
        }
        return every.seconds() > 0 && trainSeconds >= nextSeconds;
    }

    private static double next(Every every, double trainSeconds, double nextSeconds) {
        if (every.seconds() <= 0) {
            return nextSeconds;
        }
        double n = nextSeconds;
        while (n <= trainSeconds) {
            n += every.seconds();
        }
        return n;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
