package org.metalearn4j.examples.apps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.model.ModelDescription;
import org.metalearn4j.core.task.TaskSource;
import org.metalearn4j.core.train.Every;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.TrainingCheckpoint;

/**
 * Meta-training of one learner of an application benchmark with the shared {@link MetaTrainingLoop}: progress lines
 * on a stream, a checkpoint in {@code dir} every {@code checkpointEvery} iterations and at the end, and, when
 * {@code dir} already holds one, a resume from the newest good checkpoint, so an interrupted benchmark run continues
 * where it stopped, a finished one is not trained again and one given more iterations trains on. A checkpoint made
 * with other settings is refused. The checkpoints are model files with the learner's {@link ModelDescription}, so the
 * newest one ({@code dir} itself) is what {@code metalearn export} and {@code FewShotModel.load} read.
 */
public final class ResumableTraining {
    private ResumableTraining() {
    }

    /**
     * Trains {@code learner} on {@code training} as {@code plan} says.
     *
     * @param label    names the learner in progress lines
     * @param settings what determines the training apart from the number of iterations (learner, params, data), a
     *                 JSON object stored with every checkpoint
     * @param model    what rebuilds {@code learner} without its data, stored with every checkpoint
     */
    public static LoopResult run(String label, Learner learner, TaskSource training, LoopPlan plan, String metric,
                                 Path dir, ObjectNode settings, ModelDescription model, int checkpointEvery,
                                 PrintStream log) {
        CheckpointStore store = new CheckpointStore(dir, 2);
        String json = settings.toString();
        LoopStart start = store.latestGood().map(loaded -> {
            if (!ConfigMappers.readJson(loaded.checkpoint().configJson(), loaded.file().toString())
                    .equals(settings)) {
                throw new IllegalArgumentException(dir + " holds a checkpoint of " + label + " with other settings;"
                        + " use another --out or delete it");
            }
            LoopStart restored = TrainingCheckpoint.restore(loaded.checkpoint(), loaded.file().toString(),
                    learner);
            log.printf(Locale.ROOT, "%s: resuming from iteration %d (%s)%n", label, restored.iteration(),
                    loaded.file());
            return restored;
        }).orElse(LoopStart.fresh());
        int logEvery = Math.max(1, plan.iterations() / 20);
        long t0 = System.nanoTime();
        return new MetaTrainingLoop(learner, training, plan.withCheckpointEvery(Every.iterations(checkpointEvery)),
                metric)
                .events(event -> {
                    if (event instanceof StepEvent e && (e.iteration() % logEvery == 0
                            || e.iteration() == e.iterations())) {
                        log.printf(Locale.ROOT, "%s: iteration %d/%d, loss %.4f, %s %.4f, %.0f s%n", label,
                                e.iteration(), e.iterations(), e.loss(), metric, e.metric(),
                                (System.nanoTime() - t0) / 1e9);
                    }
                })
                .checkpoints((l, iteration, recent) -> store.save(TrainingCheckpoint.of(l, iteration, recent, json,
                        Provenance.current(plan.seed())).withModel(model)).toString())
                .run(start, () -> false);
    }
}
