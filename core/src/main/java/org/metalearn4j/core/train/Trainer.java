package org.metalearn4j.core.train;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigDiff;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.ResumeCheck;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.TaskScorer;
import org.metalearn4j.core.learner.TestTimeAugmentation;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.TaskSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code metalearn train} run: opens the data set and learner a configuration names, restores the newest good
 * checkpoint when resuming, runs the {@link MetaTrainingLoop} with the configuration's evaluation and checkpoint
 * schedule, and publishes the run's start and end on the event bus (the loop publishes steps, evaluations and
 * checkpoints).
 */
public final class Trainer {
    /** The run directory's copy of the effective configuration. */
    public static final String CONFIG_FILE = "config.json";
    /** The run directory's JSON-lines metrics file. */
    public static final String METRICS_FILE = "metrics.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final ProviderRegistry registry;
    private final TrainingEventBus events;

    @Inject
    public Trainer(ProviderRegistry registry, TrainingEventBus events) {
        this.registry = registry;
        this.events = events;
    }

    /**
     * Trains until {@code config.train().iterations()} iterations are done or {@code stop} says so; in the latter
     * case the current step finishes and a checkpoint is written before returning.
     *
     * @param runDir  where checkpoints, {@value #CONFIG_FILE} and (through listeners) metrics go
     * @param resume  continue from the newest good checkpoint in {@code runDir}; without it {@code runDir} must
     *                hold no checkpoints
     * @param source  the config file name, for error messages
     * @param backend backend name and device, for the started event
     * @param allowConfigChange resume although the configuration differs from the checkpoint's in more than
     *                          {@code train.iterations} (see {@link ResumeCheck})
     */
    public RunFinished train(RunConfig given, Path runDir, boolean resume, boolean allowConfigChange, String source,
                             String backend, BooleanSupplier stop) {
        CheckpointStore store = new CheckpointStore(runDir, given.train().keepCheckpoints());
        if (!resume && !store.files().isEmpty()) {
            throw new ConfigException("out", "run directory " + runDir + " already holds checkpoints; continue it with"
                    + " --resume " + runDir + " or choose another --out");
        }
        RunConfig config = EffectiveConfig.of(given, registry, source);
        RunComponents run = RunComponents.open(config, registry, source);
        Learner learner = run.learner();
        LoopStart start = resume ? restore(store, config, allowConfigChange, runDir, learner) : LoopStart.fresh();
        String configJson = ConfigLoader.toJson(config);
        writeConfig(runDir, configJson);

        int total = config.train().iterations();
        events.publish(new RunStarted(runDir.toString(), start.iteration(), total, config.learner().name(),
                config.dataset().name(), backend));
        var e = config.eval();
        TaskSource evalEpisodes = run.episodes(e.split(), e.way(), e.shot(), e.query());
        LoopPlan plan = LoopPlan.of(total, config.train().metaBatch(), config.seed())
                .withEvalEvery(Every.iterations(config.train().evalEvery()))
                .withCheckpointEvery(Every.iterations(config.train().checkpointEvery()));
        List<Path> existing = store.files();
        LoopResult result = new MetaTrainingLoop(learner, run.training(), plan, run.metric())
                .events(events)
                .evaluation((l, it, last) -> l instanceof TaskScorer
                        ? Evaluator.evaluate(l, evalEpisodes, e.episodes(), e.seed())
                        : Evaluator.evaluate(TestTimeAugmentation.around(l.adapter(), run.dataset(),
                                config.train().split(), e.views(), e.seed()), evalEpisodes, e.episodes(), e.seed()),
                        e.split())
                .checkpoints((l, it, recent) -> store.save(TrainingCheckpoint.of(l, it, recent, configJson,
                        Provenance.current(config.seed()))).toString())
                .run(start, stop);
        String lastCheckpoint = result.checkpoint() != null ? result.checkpoint()
                : existing.isEmpty() ? null : existing.get(existing.size() - 1).toString();
        EvalResult eval = result.evaluation();
        RunFinished finished = new RunFinished(runDir.toString(), result.iteration(), total, result.lastLoss(),
                run.metric(), eval == null ? Double.NaN : eval.value(), eval == null ? 0 : eval.ci95(),
                eval == null ? 0 : eval.episodes(), result.seconds(), lastCheckpoint, result.interrupted());
        events.publish(finished);
        return finished;
    }

    private LoopStart restore(CheckpointStore store, RunConfig config, boolean allowConfigChange, Path runDir,
                              Learner learner) {
        CheckpointStore.Loaded loaded = store.latestGood().orElseThrow(() -> new CheckpointException(
                "nothing to resume: " + runDir + " holds no checkpoints"));
        loaded.skipped().forEach(reason -> LOG.warn("{}; using the previous good checkpoint", reason));
        String file = loaded.file().toString();
        RunConfig saved = EffectiveConfig.of(ConfigLoader.fromJson(loaded.checkpoint().configJson(), file), registry,
                file);
        ConfigDiff changed = ResumeCheck.require(saved, config, file, allowConfigChange);
        if (!changed.isEmpty()) {
            LOG.warn("resuming {} with a changed configuration, as allowed:\n{}", runDir, changed);
        }
        LoopStart start = TrainingCheckpoint.restore(loaded.checkpoint(), learner);
        LOG.info("resuming from {} at iteration {}", loaded.file(), start.iteration());
        return start;
    }

    private static void writeConfig(Path runDir, String json) {
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve(CONFIG_FILE), json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(CONFIG_FILE), e);
        }
    }
}
