package org.metalearn4j.examples.model;

import java.nio.file.Path;
import java.util.Map;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Every;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.TrainingCheckpoint;

/**
 * Trains a learner with core's loop until its training time reaches a budget (or an iteration limit), logging a line
 * a minute and writing a checkpoint to {@code dir} every five minutes of training and at the end. Started again with
 * the same directory it continues from the newest checkpoint, bitwise as if never stopped, and the budget covers the
 * training time of all runs together (kept in the checkpoints' provenance), so a run whose budget is spent continues
 * with no training at all; checkpoints of another run (label, meta-batch or seed) in the directory are refused.
 */
final class BudgetedTraining {
    private static final String TRAIN_SECONDS = "trainSeconds";

    private BudgetedTraining() {
    }

    /**
     * How a budgeted training ended.
     *
     * @param iterations   iterations completed (resumed runs included)
     * @param trainSeconds training time of every run together
     * @param lastLoss     the last step's loss
     */
    record Outcome(int iterations, double trainSeconds, double lastLoss) {
        double secondsPerIteration() {
            return trainSeconds / Math.max(1, iterations);
        }
    }

    static Outcome train(String label, Learner learner, TaskSource tasks, int metaBatch, double budgetSeconds,
                         int maxIterations, long seed, Path dir) {
        CheckpointStore store = new CheckpointStore(dir, 2);
        String identity = ConfigMappers.json().createObjectNode().put("run", label).put("metaBatch", metaBatch)
                .put("seed", seed).toString();
        LoopStart start = LoopStart.fresh();
        double before = 0;
        var latest = store.latestGood();
        if (latest.isPresent()) {
            if (!identity.equals(latest.get().checkpoint().configJson())) {
                throw new IllegalStateException(dir + " holds checkpoints of another run ("
                        + latest.get().checkpoint().configJson() + ", this one is " + identity + "); choose another"
                        + " --out or delete it");
            }
            start = TrainingCheckpoint.restore(latest.get().checkpoint(), latest.get().file().toString(), learner);
            String seconds = latest.get().checkpoint().provenance().detail(TRAIN_SECONDS);
            before = seconds == null ? 0 : Double.parseDouble(seconds);
            System.err.printf("%s: continuing from %s at iteration %d (%.0f s trained)%n", label,
                    latest.get().file(), start.iteration(), before);
        }
        double previous = before;
        double[] lastLog = {0};
        double[] trained = {0};
        LoopPlan plan = LoopPlan.of(maxIterations, metaBatch, seed).withBudget(Math.max(0, budgetSeconds - before))
                .withCheckpointEvery(Every.seconds(300));
        LoopResult r = new MetaTrainingLoop(learner, tasks, plan, "metric")
                .events(event -> {
                    if (event instanceof StepEvent e) {
                        trained[0] += e.stepSeconds();
                        if (e.elapsedSeconds() - lastLog[0] > 60) {
                            lastLog[0] = e.elapsedSeconds();
                            // regression learners have no metric (NaN): leave it out rather than print NaN
                            String metric = Double.isFinite(e.metric())
                                    ? String.format(", metric %.4f", e.metric()) : "";
                            System.err.printf("%s iteration %d: loss %.4f%s, %.0f s trained %s%n", label,
                                    e.iteration(), e.loss(), metric, previous + trained[0], e.extras());
                        }
                    }
                })
                .checkpoints((l, it, recent) -> store.save(TrainingCheckpoint.of(l, it, recent, identity,
                        Provenance.current(seed).with(Map.of(TRAIN_SECONDS, Double.toString(previous
                                + trained[0]))))).toString())
                .run(start, () -> false);
        return new Outcome(r.iteration(), before + r.trainSeconds(), r.lastLoss());
    }
}
