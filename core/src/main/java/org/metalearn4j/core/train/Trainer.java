package org.metalearn4j.core.train;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.checkpoint.Provenance;
import org.metalearn4j.core.config.ConfigDiff;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.ResumeCheck;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.EvalProgressEvent;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.TaskScorer;
import org.metalearn4j.core.learner.TestTimeAugmentation;
import org.metalearn4j.core.model.ModelDescription;
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
    /**
     * The run directory's identity, also recorded in each of its checkpoints' provenance (detail
     * {@value #RUN_DETAIL}), so a checkpoint of another run placed in the directory is refused.
     */
    public static final String RUN_ID_FILE = "run-id";
    /**
     * Written into the run directory when a run has done all its iterations and its final evaluation: a run killed
     * between its last checkpoint and the end of that evaluation is not finished, and resuming it evaluates it.
     */
    public static final String FINISHED_FILE = "finished";
    /** The provenance detail holding the run id. */
    public static final String RUN_DETAIL = "run";

    private static final long PROGRESS_MILLIS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final ProviderRegistry registry;
    private final TrainingEventBus events;
    private final TaskExecutorFactory executors;

    /** A trainer whose runs compute their tasks in this process. */
    public Trainer(ProviderRegistry registry, TrainingEventBus events) {
        this(registry, events, TaskExecutorFactory.local());
    }

    /**
     * @param executors makes each run's {@link org.metalearn4j.core.exec.TaskExecutor} (bound in Guice; local unless
     *                  an application binds another)
     */
    @Inject
    public Trainer(ProviderRegistry registry, TrainingEventBus events, TaskExecutorFactory executors) {
        this.registry = registry;
        this.events = events;
        this.executors = executors;
    }

    /**
     * Trains until {@code config.train().iterations()} iterations are done or {@code stop} says so; in the latter
     * case the current step finishes and a checkpoint is written before returning. The run directory is locked for
     * the run ({@link RunLock}). A resume is refused when the directory does not exist, when its newest good
     * checkpoint belongs to another run ({@value #RUN_ID_FILE}), when the configuration differs
     * ({@link ResumeCheck}), and when {@code train.iterations} is not above the iterations already done.
     *
     * @param runDir  where checkpoints, {@value #CONFIG_FILE} and (through listeners) metrics go
     * @param resume  continue from the newest good checkpoint in {@code runDir}; without it {@code runDir} must
     *                hold no checkpoints
     * @param source  the config file name, for error messages
     * @param backend backend name and device, for the started event
     * @param allowConfigChange resume although the configuration differs from the checkpoint's in more than
     *                          {@code train.iterations} (see {@link ResumeCheck})
     * @throws TrainingFailedException when training fails after it started (a diverging step, a file that cannot
     *                                 be written, memory), naming the last good checkpoint it leaves
     */
    public RunFinished train(RunConfig given, Path runDir, boolean resume, boolean allowConfigChange, String source,
                             String backend, BooleanSupplier stop) {
        if (resume && !Files.isDirectory(runDir)) {
            throw new ConfigException("resume", "run directory " + runDir + " does not exist; nothing to resume");
        }
        CheckpointStore store = new CheckpointStore(runDir, given.train().keepCheckpoints());
        requireFresh(store, runDir, resume);
        // Everything the configuration decides is checked before the directory is locked (and so created).
        RunConfig config = EffectiveConfig.of(given, registry, source);
        RunComponents run = RunComponents.open(config, registry, source);
        run.requireMemory(config, source);
        try (RunLock lock = RunLock.acquire(runDir, "metalearn train")) {
            requireFresh(store, runDir, resume);
            return trainLocked(config, run, store, runDir, resume, allowConfigChange, source, backend, stop);
        }
    }

    private static void requireFresh(CheckpointStore store, Path runDir, boolean resume) {
        if (!resume && !store.files().isEmpty()) {
            throw new ConfigException("out", "run directory " + runDir + " already holds checkpoints; continue it with"
                    + " --resume " + runDir + " or choose another --out");
        }
    }

    private RunFinished trainLocked(RunConfig config, RunComponents run, CheckpointStore store, Path runDir,
                                    boolean resume, boolean allowConfigChange, String source, String backend,
                                    BooleanSupplier stop) {
        Learner learner = run.learner();
        String runId = resume ? readRunId(runDir) : UUID.randomUUID().toString();
        LoopStart start = LoopStart.fresh();
        if (resume) {
            Restored restored = restore(store, config, allowConfigChange, runDir, runId, learner);
            start = restored.start();
            runId = restored.runId();
        }
        String configJson = ConfigLoader.toJson(config);
        writeConfig(runDir, configJson);
        writeRunId(runDir, runId);

        int total = config.train().iterations();
        events.publish(new RunStarted(runDir.toString(), start.iteration(), total, config.learner().name(),
                config.dataset().name(), backend));
        var e = config.eval();
        TaskSource evalEpisodes = run.episodes(e.split(), e.way(), e.shot(), e.query());
        LoopPlan plan = LoopPlan.of(total, config.train().metaBatch(), config.seed())
                .withEvalEvery(Every.iterations(config.train().evalEvery()))
                .withCheckpointEvery(Every.iterations(config.train().checkpointEvery()));
        ModelDescription model = ModelDescription.of(config, run.dataset(), run.training(), registry);
        List<Path> existing = store.files();
        Provenance provenance = Provenance.current(config.seed()).with(Map.of(RUN_DETAIL, runId));
        LoopResult result;
        try (TaskExecutor executor = executors.create(config, run, source)) {
            result = new MetaTrainingLoop(learner, run.training(), plan, run.metric())
                    .executor(executor)
                    .events(events)
                    .evaluation((l, it, last) -> l instanceof TaskScorer
                            ? Evaluator.evaluate(l, evalEpisodes, e.episodes(), e.seed(), progress(it, e.split()))
                            : Evaluator.evaluate(TestTimeAugmentation.around(l.adapter(), run.dataset(),
                                    config.train().split(), e.views(), e.seed()), evalEpisodes, e.episodes(),
                                    e.seed(), progress(it, e.split())), e.split())
                    .checkpoints((l, it, recent) -> store.save(TrainingCheckpoint.of(l, it, recent, configJson,
                            provenance).withModel(model)).toString())
                    .run(start, stop);
        } catch (RuntimeException | OutOfMemoryError failure) {
            throw failed(failure, store);
        }
        String lastCheckpoint = result.checkpoint() != null ? result.checkpoint()
                : existing.isEmpty() ? null : existing.get(existing.size() - 1).toString();
        EvalResult eval = result.evaluation();
        RunFinished finished = new RunFinished(runDir.toString(), result.iteration(), total, result.lastLoss(),
                run.metric(), eval == null ? Double.NaN : eval.value(), eval == null ? 0 : eval.ci95(),
                eval == null ? 0 : eval.episodes(), result.seconds(), lastCheckpoint, result.interrupted());
        if (!result.interrupted() && result.iteration() == total) {
            writeText(runDir.resolve(FINISHED_FILE), "iteration " + total + "\n");
        }
        events.publish(finished);
        return finished;
    }

    /** Publishes an evaluation's progress at most every {@value #PROGRESS_MILLIS} ms, and each phase's end. */
    private EvalProgress progress(int iteration, String split) {
        long interval = PROGRESS_MILLIS * 1_000_000L;
        long[] last = {System.nanoTime() - interval};
        return (phase, done, total) -> {
            long now = System.nanoTime();
            if (done == total || now - last[0] >= interval) {
                last[0] = now;
                events.publish(new EvalProgressEvent(iteration, split, phase, done, total));
            }
        };
    }

    /** Where the loop continues, and the run's identity (the directory's, else the checkpoint's). */
    private record Restored(LoopStart start, String runId) {
    }

    private Restored restore(CheckpointStore store, RunConfig config, boolean allowConfigChange, Path runDir,
                             String runId, Learner learner) {
        CheckpointStore.Loaded loaded = store.latestGood().orElseThrow(() -> new CheckpointException(
                "nothing to resume: " + runDir + " holds no checkpoints"));
        loaded.skipped().forEach(reason -> LOG.warn("{}; using the previous good checkpoint", reason));
        String file = loaded.file().toString();
        Checkpoint checkpoint = loaded.checkpoint();
        String written = checkpoint.provenance().detail(RUN_DETAIL);
        if (runId != null && written != null && !runId.equals(written)) {
            throw new CheckpointException("checkpoint " + file + " was written by another run (run id " + written
                    + "), not by the run of " + runDir + " (run id " + runId + " in " + runDir.resolve(RUN_ID_FILE)
                    + "); remove it, or resume the directory it came from");
        }
        RunConfig saved = EffectiveConfig.of(ConfigLoader.fromJson(checkpoint.configJson(), file), registry, file);
        ConfigDiff changed = ResumeCheck.require(saved, config, file, allowConfigChange);
        if (!changed.isEmpty()) {
            LOG.warn("resuming {} with a changed configuration, as allowed:\n{}", runDir, changed);
        }
        int done = checkpoint.iteration();
        int total = config.train().iterations();
        if (total == done && finishedRecorded(runDir, done)) {
            throw new ConfigException("train.iterations", "the run in " + runDir + " is complete: " + done + " of "
                    + done + " iterations done (" + file + "); to train it longer raise train.iterations, to score"
                    + " it use metalearn eval " + runDir);
        }
        if (total < done) {
            throw new ConfigException("train.iterations", total + " is fewer than the " + done + " iterations the run"
                    + " in " + runDir + " has already done (" + file + "); give at least " + (done + 1)
                    + " to continue it");
        }
        LoopStart start;
        try {
            start = TrainingCheckpoint.restore(checkpoint, file, learner);
        } catch (CheckpointException e) {
            if (changed.isEmpty()) {
                throw e;
            }
            throw new CheckpointException(e.getMessage() + " The configuration was changed (allowed) in: "
                    + changed.changes().stream().map(ConfigDiff.Change::path).toList(), e);
        }
        if (total == done) {
            LOG.info("{} was stopped after its last iteration, before its final evaluation: evaluating it", runDir);
        }
        LOG.info("resuming from {} at iteration {}", loaded.file(), start.iteration());
        return new Restored(start, runId != null ? runId : written != null ? written : UUID.randomUUID().toString());
    }

    /**
     * A failure of the running loop, restated with the plugin that caused it (if one did) and the last good
     * checkpoint it leaves (or that it leaves none).
     */
    private TrainingFailedException failed(Throwable failure, CheckpointStore store) {
        String why = failure instanceof OutOfMemoryError
                ? "out of memory (" + failure.getMessage() + "); use smaller episodes, meta-batches or networks, or"
                + " give the JVM more memory in METALEARN_JAVA_OPTS"
                : registry.blame(failure).orElse(failure.getMessage() == null ? failure.toString()
                : failure.getMessage());
        String state;
        try {
            state = store.latestGood().map(l -> "the last good checkpoint is " + l.file() + " (iteration "
                    + l.checkpoint().iteration() + "): resume from it").orElse("no checkpoint was written");
        } catch (RuntimeException unreadable) {
            state = "no good checkpoint could be read: " + unreadable.getMessage();
        }
        return new TrainingFailedException(why + "; " + state, failure);
    }

    /** Whether the run finished (see {@link #FINISHED_FILE}) at {@code iterations}, not at an earlier total. */
    private static boolean finishedRecorded(Path runDir, int iterations) {
        Path file = runDir.resolve(FINISHED_FILE);
        try {
            return Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).strip().equals("iteration " + iterations);
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot read", file, e), e);
        }
    }

    private static String readRunId(Path runDir) {
        Path file = runDir.resolve(RUN_ID_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            return id.isEmpty() ? null : id;
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot read", file, e), e);
        }
    }

    private static void writeRunId(Path runDir, String runId) {
        writeText(runDir.resolve(RUN_ID_FILE), runId + "\n");
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot write", file, e), e);
        }
    }

    private static void writeConfig(Path runDir, String json) {
        Path file = runDir.resolve(CONFIG_FILE);
        try {
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot write", file, e), e);
        }
    }
}
