package org.metalearn4j.transfer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.metalearn4j.core.event.EventPublisher;
import org.metalearn4j.core.event.ResumeStopped;
import org.metalearn4j.core.event.StageFinished;
import org.metalearn4j.core.event.StagePosition;
import org.metalearn4j.core.event.StageLoading;
import org.metalearn4j.core.event.StageProgressEvent;
import org.metalearn4j.core.event.StageReused;
import org.metalearn4j.core.event.StageStarted;
import org.metalearn4j.core.io.IoReason;
import org.metalearn4j.core.model.ModelFile;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.core.pipeline.StageContext;
import org.metalearn4j.core.pipeline.StageProgress;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.task.Seeds;
import org.metalearn4j.core.train.RunLock;

/**
 * Runs a validated {@link Pipeline} stage by stage. Stage {@code i} gets its own directory
 * {@code runDir/<i>-<name>/} and seed {@code Seeds.derive(seed, i)}; its artifact is saved there as
 * {@value #ARTIFACT_FILE} (atomically, with a checksum: {@link ArtifactFiles}) with its provenance: this process's
 * library versions, git commit and time, the stage's seed, and as details the stage name and index, bound config, the
 * checksum of its input artifact and the input's details under the {@code input.} prefix ({@link StageProvenance}).
 *
 * <p>Resuming reuses saved artifacts from the first stage on for as long as each one reads back intact and was made by
 * the same stage, index, config, seed and input ({@link StageProvenance}); the first stage that is missing, corrupt or
 * different runs again, and so does every stage after it. An interrupted run therefore loses at most the stage that
 * was running.
 *
 * <p>What a run is doing goes out as pipeline events ({@link org.metalearn4j.core.event.PipelineEvents}), published
 * in order on the thread that runs the pipeline.
 */
public final class PipelineRunner {
    /** File name of each stage's saved artifact (a model file) inside its directory. */
    public static final String ARTIFACT_FILE = ModelFile.STAGE_FILE;

    private final ProviderRegistry registry;
    private final EventPublisher events;

    /** A runner that logs stage starts, ends and reuses instead of publishing them. */
    public PipelineRunner(ProviderRegistry registry) {
        this(registry, new PipelineLog());
    }

    /** @param events receives the pipeline events, e.g. the application's event bus */
    public PipelineRunner(ProviderRegistry registry, EventPublisher events) {
        this.registry = registry;
        this.events = events;
    }

    /**
     * Every stage's artifact, in order; the last one is the pipeline's result.
     *
     * @param resume reuse the finished stages saved in {@code runDir}; without it {@code runDir} must hold no stage
     *               artifacts
     * @throws ConfigException without {@code resume}, when {@code runDir} already holds stage artifacts; with it,
     *                         when {@code runDir} does not exist
     * @throws org.metalearn4j.core.train.RunLockedException when another process writes {@code runDir}
     */
    public List<Artifact> run(Pipeline pipeline, Path runDir, boolean resume) {
        requireUsable(runDir, resume);
        try (RunLock lock = RunLock.acquire(runDir, "metalearn pipeline")) {
            requireUsable(runDir, resume);
            return runLocked(pipeline, runDir, resume);
        }
    }

    /**
     * Refuses a directory a run cannot use: with {@code resume} one that does not exist, without it one that already
     * holds stage artifacts. {@link #run} checks it; a caller about to do slow work first (a dry run) checks it too.
     *
     * @throws ConfigException naming the directory and what to do instead
     */
    public static void requireUsable(Path runDir, boolean resume) {
        if (resume && !Files.isDirectory(runDir)) {
            throw new ConfigException("resume", "run directory " + runDir + " does not exist; nothing to resume");
        }
        if (!resume) {
            Optional<Path> saved = anySavedArtifact(runDir);
            if (saved.isPresent()) {
                throw new ConfigException("out", "run directory " + runDir + " already holds stage artifacts ("
                        + saved.get() + "); continue it with --resume " + runDir + " or choose another --out");
            }
        }
    }

    private List<Artifact> runLocked(Pipeline pipeline, Path runDir, boolean resume) {
        ArtifactFiles.Loaded current = pipeline.input() == null
                ? new ArtifactFiles.Loaded(Artifact.none(), StageProvenance.NO_INPUT)
                : ArtifactFiles.load(pipeline.input());
        int count = pipeline.stages().size();
        boolean reusing = resume;
        List<Artifact> outputs = new ArrayList<>();
        for (PlannedStage p : pipeline.stages()) {
            Path workDir = runDir.resolve(p.label());
            Path file = workDir.resolve(ARTIFACT_FILE);
            long seed = Seeds.derive(pipeline.seed(), p.index());
            if (reusing) {
                Optional<ArtifactFiles.Loaded> saved = reusable(p, count, file, seed, current.sha256());
                if (saved.isPresent()) {
                    events.publish(new StageReused(position(p, count), file.toString()));
                    outputs.add(saved.get().artifact());
                    current = saved.get();
                    continue;
                }
                reusing = false;
            }
            current = runStage(p, count, workDir, seed, current);
            outputs.add(current.artifact());
        }
        return outputs;
    }

    private ArtifactFiles.Loaded runStage(PlannedStage p, int count, Path workDir, long seed,
                                          ArtifactFiles.Loaded input) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("stage " + p.label() + ": cannot create", workDir, e), e);
        }
        StagePosition position = position(p, count);
        events.publish(new StageStarted(position, workDir.toString()));
        long t0 = System.nanoTime();
        StageProgress progress = new StageProgress() {
            @Override
            public void report(long done, long total, Map<String, Double> metrics) {
                events.publish(new StageProgressEvent(position, done, total, metrics));
            }

            @Override
            public void loading(String what) {
                events.publish(new StageLoading(position, what));
            }
        };
        Artifact out;
        try {
            out = p.stage().run(input.artifact(), new StageContext(registry, workDir, seed, progress));
        } catch (RuntimeException e) {
            if (e instanceof ConfigException) {
                throw e;
            }
            throw new IllegalStateException("stage " + p.label() + " failed: " + registry.blame(e)
                    .orElse(e.getMessage() == null ? e.toString() : e.getMessage()) + " (the artifacts of the stages"
                    + " before it are kept and reused on resume)", e);
        }
        if (out.kind() != p.stage().produces()) {
            throw new IllegalStateException("stage " + p.label() + " declared it produces " + p.stage().produces()
                    + " but returned " + out.kind());
        }
        Artifact recorded = out.withProvenance(StageProvenance.of(p, seed, out, input.artifact(), input.sha256()));
        Path file = workDir.resolve(ARTIFACT_FILE);
        String sha256 = ArtifactFiles.write(file, recorded);
        events.publish(new StageFinished(position, recorded.kind(), recorded.metrics(), file.toString(),
                (System.nanoTime() - t0) / 1e9));
        return new ArtifactFiles.Loaded(recorded, sha256);
    }

    /** The saved artifact if this run can reuse it; otherwise publishes why not. */
    private Optional<ArtifactFiles.Loaded> reusable(PlannedStage p, int count, Path file, long seed,
                                                    String inputSha256) {
        if (!Files.isRegularFile(file)) {
            events.publish(new ResumeStopped(position(p, count), "no saved artifact " + file));
            return Optional.empty();
        }
        ArtifactFiles.Loaded saved;
        try {
            saved = ArtifactFiles.load(file);
        } catch (UncheckedIOException e) {
            events.publish(new ResumeStopped(position(p, count), e.getMessage()));
            return Optional.empty();
        }
        Optional<String> difference = StageProvenance.difference(saved.artifact(), p, seed, inputSha256);
        difference.ifPresent(d -> events.publish(new ResumeStopped(position(p, count), "saved artifact " + file
                + " was made differently: " + d)));
        return difference.isPresent() ? Optional.empty() : Optional.of(saved);
    }

    private static StagePosition position(PlannedStage p, int count) {
        return new StagePosition(p.index(), p.name(), count);
    }

    private static Optional<Path> anySavedArtifact(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(runDir)) {
            return dirs.map(d -> d.resolve(ARTIFACT_FILE)).filter(Files::isRegularFile).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(IoReason.describe("cannot list run directory", runDir, e), e);
        }
    }
}
