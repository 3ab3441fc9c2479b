package org.metalearn4j.core.train;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.metalearn4j.core.event.CheckpointEvent;
import org.metalearn4j.core.event.EvalEvent;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.RunStarted;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.learner.Learner;
import org.metalearn4j.core.learner.StepMetrics;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meta-training loop. Iteration {@code i} trains on the tasks {@code Seeds.derive(seed, i, j)} for
 * {@code j < metaBatch}, so the task stream is a pure function of the iteration and a resumed run sees exactly the
 * tasks an uninterrupted one would. Step metrics, evaluations and checkpoints are published on the event bus.
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
    public RunFinished train(RunConfig config, Path runDir, boolean resume, boolean allowConfigChange, String source,
                             String backend, BooleanSupplier stop) {
        CheckpointStore store = new CheckpointStore(runDir, config.train().keepCheckpoints());
        if (!resume && !store.files().isEmpty()) {
            throw new ConfigException("out", "run directory " + runDir + " already holds checkpoints; continue it with"
                    + " --resume " + runDir + " or choose another --out");
        }
        config = EffectiveConfig.of(config, registry, source);
        RunComponents run = RunComponents.open(config, registry, source);
        Learner learner = run.learner();
        int start = resume ? restore(store, config, allowConfigChange, runDir, learner) : 0;
        String configJson = ConfigLoader.toJson(config);
        writeConfig(runDir, configJson);

        int total = config.train().iterations();
        events.publish(new RunStarted(runDir.toString(), start, total, config.learner().name(),
                config.dataset().name(), backend));
        long t0 = System.nanoTime();
        int iteration = start;
        int checkpointed = -1;
        List<Path> existing = store.files();
        String lastCheckpoint = existing.isEmpty() ? null : existing.get(existing.size() - 1).toString();
        double loss = Double.NaN;
        EvalResult eval = null;
        boolean interrupted = false;
        while (iteration < total) {
            if (stop.getAsBoolean()) {
                interrupted = true;
                break;
            }
            List<Task> batch = new ArrayList<>(config.train().metaBatch());
            for (int j = 0; j < config.train().metaBatch(); j++) {
                batch.add(run.training().sample(Seeds.derive(config.seed(), iteration, j)));
            }
            StepMetrics m = learner.step(batch);
            iteration++;
            loss = m.loss();
            events.publish(new StepEvent(iteration, total, m.loss(), m.metric(), run.metric(), m.extras(),
                    seconds(t0)));
            if (iteration % config.train().evalEvery() == 0 || iteration == total) {
                eval = evaluate(run, learner, config, iteration);
            }
            if (iteration % config.train().checkpointEvery() == 0 || iteration == total) {
                lastCheckpoint = checkpoint(store, learner, iteration, configJson, config.seed());
                checkpointed = iteration;
            }
        }
        if (checkpointed != iteration && iteration > start) {
            lastCheckpoint = checkpoint(store, learner, iteration, configJson, config.seed());
        }
        if (eval == null && !interrupted) {
            eval = evaluate(run, learner, config, iteration);
        }
        RunFinished finished = new RunFinished(runDir.toString(), iteration, total, loss, run.metric(),
                eval == null ? Double.NaN : eval.value(), eval == null ? 0 : eval.ci95(),
                eval == null ? 0 : eval.episodes(), seconds(t0), lastCheckpoint, interrupted);
        events.publish(finished);
        return finished;
    }

    private int restore(CheckpointStore store, RunConfig config, boolean allowConfigChange, Path runDir,
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
        learner.load(loaded.checkpoint().state());
        LOG.info("resuming from {} at iteration {}", loaded.file(), loaded.checkpoint().iteration());
        return loaded.checkpoint().iteration();
    }

    private EvalResult evaluate(RunComponents run, Learner learner, RunConfig config, int iteration) {
        var e = config.eval();
        EvalResult r = Evaluator.evaluate(learner.adapter(), run.episodes(e.split(), e.way(), e.shot(), e.query()),
                e.episodes(), e.seed());
        events.publish(new EvalEvent(iteration, e.split(), r.metric(), r.value(), r.ci95(), r.episodes()));
        return r;
    }

    private String checkpoint(CheckpointStore store, Learner learner, int iteration, String configJson, long seed) {
        Path file = store.save(new Checkpoint(iteration, learner.state(), configJson, Provenance.current(seed)));
        events.publish(new CheckpointEvent(iteration, file.toString()));
        return file.toString();
    }

    private static void writeConfig(Path runDir, String json) {
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve(CONFIG_FILE), json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(CONFIG_FILE), e);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
