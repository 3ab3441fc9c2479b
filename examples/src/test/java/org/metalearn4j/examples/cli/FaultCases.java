package org.metalearn4j.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.metalearn4j.core.checkpoint.Checkpoint;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.plugin.TestJars;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.RunLock;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.datasets.omniglot.OmniglotProvider;
import org.metalearn4j.datasets.omniglot.OneShotRunsFixture;
import org.metalearn4j.datasets.omniglot.RawOmniglot;
import org.metalearn4j.datasets.store.ExpectedDigest;
import org.metalearn4j.datasets.store.VerifiedFile;

/**
 * The catalogue of the fault-injection suite (issue 25), one category per numbered item of the issue plus kills and
 * SIGTERM. Cases marked quick run in the default test suite ({@code FaultInjectionTest}); {@code FaultCampaign} runs
 * them all, with more kills, and prints the table.
 */
final class FaultCases {
    static final String DIVERGE = "1 diverging runs";
    static final String DATA = "2 data files";
    static final String LOCK = "3 one writer per run directory";
    static final String BEFORE = "4 checked before training";
    static final String RESUME = "5 strict resume";
    static final String DISK = "6 full or read-only disk";
    static final String MESSAGES = "7 clear messages";
    static final String KILL = "kill -9 and resume";
    static final String SIGTERM = "SIGTERM and resume";

    /** Fast settings on the test fixtures (blobs data, nearest-centroid learner). */
    static final String CENTROID = """
            seed: 5
            dataset: {name: test-blobs}
            learner: {name: test-centroid}
            train: {iterations: %d, metaBatch: 2, way: 4, shot: 2, query: 5, checkpointEvery: 1, evalEvery: 100}
            eval: {way: 4, shot: 2, query: 5, episodes: 10}
            """;

    private static final String SERVICES = "META-INF/services/" + LearnerProvider.class.getName();
    /** Runs and locks a case holds from its setup until its check, keyed by the case's directory. */
    private static final Map<Path, ChildCli> RUNNING = new ConcurrentHashMap<>();
    private static final Map<Path, RunLock> HELD = new ConcurrentHashMap<>();
    private static final Path[] BAD_JAR = new Path[1];

    /** A learner from a plugin JAR that fails as {@code fault} says: nan-loss, npe-step, npe-adapter, nan-logits. */
    private static final String BAD_PLUGIN = """
            package bad;

            import com.fasterxml.jackson.annotation.JsonPropertyDescription;
            import java.util.List;
            import org.metalearn4j.core.learner.Adapter;
            import org.metalearn4j.core.learner.Learner;
            import org.metalearn4j.core.learner.LearnerContext;
            import org.metalearn4j.core.learner.LearnerProvider;
            import org.metalearn4j.core.learner.StepMetrics;
            import org.metalearn4j.core.state.StateDict;
            import org.metalearn4j.core.task.Task;
            import org.nd4j.linalg.api.buffer.DataType;
            import org.nd4j.linalg.api.ndarray.INDArray;
            import org.nd4j.linalg.factory.Nd4j;
            
            public final class Bad implements LearnerProvider<Bad.Config> {
                public record Config(@JsonPropertyDescription("nan-loss, npe-step, npe-adapter or nan-logits")
                                     String fault) { }

                public String name() { return "bad"; }
                public String description() { return "fails on purpose"; }
                public Class<Config> configType() { return Config.class; }
                public Config defaults() { return new Config("nan-loss"); }
                public Learner create(Config c, LearnerContext ctx) { return new BadLearner(c.fault()); }

                static final class BadLearner implements Learner {
                    private final String fault;
                    private final INDArray w = Nd4j.ones(DataType.FLOAT, 3);
                    private long steps;

                    BadLearner(String fault) { this.fault = fault; }

                    public StepMetrics step(List<Task> batch) {
                        if (fault.equals("npe-step")) {
                            String missing = null;
                            missing.length();
                        }
                        steps++;
                        return StepMetrics.of(fault.equals("nan-loss") && steps >= 3 ? Double.NaN : 1.0 / steps, 0.5);
                    }

                    public Adapter adapter() {
                        return (support, type, ways) -> {
                            if (fault.equals("npe-adapter")) {
                                Object missing = null;
                                missing.hashCode();
                            }
                            double[] scores = new double[(int) support.x().size(0) * ways];
                            java.util.Arrays.fill(scores, fault.equals("nan-logits") ? Double.NaN : 0.5);
                            return x -> Nd4j.create(java.util.Arrays.copyOf(scores, (int) x.size(0) * ways),
                                    new long[] {x.size(0), ways});
                        };
                    }

                    public StateDict state() { return new StateDict().put("w", w).putLongs("steps", steps); }
                    public void load(StateDict s) { w.assign(s.get("w")); steps = s.getLongs("steps")[0]; }
                    public StateDict backbone() { return new StateDict().put("w", w); }
                }
            }
            """;

    private final Map<KillResume.Scenario, byte[]> references = new EnumMap<>(KillResume.Scenario.class);
    private final Path referenceDir;

    /** @param referenceDir where the uninterrupted reference runs of the kill cases go (each computed once) */
    FaultCases(Path referenceDir) {
        this.referenceDir = referenceDir;
    }

    /** Every case; {@code kills} interrupted runs per kill scenario (the quick ones first). */
    List<FaultCase> all(int kills) {
        List<FaultCase> cases = new ArrayList<>();
        cases.addAll(diverging());
        cases.addAll(dataFiles());
        cases.addAll(lock());
        cases.addAll(beforeTraining());
        cases.addAll(resume());
        cases.addAll(disk());
        cases.addAll(messages());
        cases.addAll(badConfigs());
        for (KillResume.Scenario s : KillResume.Scenario.values()) {
            for (int k = 0; k < kills; k++) {
                int n = k;
                cases.add(new FaultCase(KILL, s + " killed 3 times, seed " + n, n == 0, (dir, in) ->
                        KillResume.interrupted(s, reference(s), 3, 1000 + n, false, dir)));
            }
            if (!s.pipeline()) {
                cases.add(new FaultCase(SIGTERM, s + " stopped by SIGTERM twice", false, (dir, in) ->
                        KillResume.interrupted(s, reference(s), 2, 77, true, dir)));
            }
        }
        return cases;
    }

    private byte[] reference(KillResume.Scenario s) throws IOException {
        synchronized (references) {
            byte[] r = references.get(s);
            if (r == null) {
                r = KillResume.reference(s, referenceDir.resolve(s.name().toLowerCase()));
                references.put(s, r);
            }
            return r;
        }
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), text);
    }

    static Path centroid(Path dir, int iterations) throws IOException {
        return write(dir, "blobs.yaml", CENTROID.formatted(iterations));
    }

    /** A plugins directory holding the bad learner's JAR (compiled once per JVM, then copied). */
    static Path badPlugin(Path dir) throws IOException {
        synchronized (BAD_JAR) {
            if (BAD_JAR[0] == null) {
                BAD_JAR[0] = TestJars.build(Files.createTempDirectory("bad-plugin").resolve("bad-learner.jar"),
                        Map.of("bad.Bad", BAD_PLUGIN), Map.of(SERVICES, TestJars.services("bad.Bad")));
            }
        }
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(BAD_JAR[0], plugins.resolve("bad-learner.jar"));
        return plugins;
    }

    private static List<Object> args(Object... args) {
        return Arrays.asList(args);
    }

    /** Every checkpoint of the run reads back and holds only finite values; else the case is silently wrong. */
    private static Optional<FaultCase.Outcome> allCheckpointsFinite(Path run) {
        for (Path file : new CheckpointStore(run, 1).files()) {
            try {
                TrainingCheckpoint.learnerState(CheckpointFile.read(file), file.toString());
            } catch (RuntimeException e) {
                return Optional.of(new FaultCase.Outcome(FaultCase.Verdict.SILENT_WRONG, e.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static Optional<FaultCase.Outcome> nothingWritten(Path run) {
        return Files.exists(run.resolve(Trainer.METRICS_FILE)) || !new CheckpointStore(run, 1).files().isEmpty()
                ? Optional.of(new FaultCase.Outcome(FaultCase.Verdict.SILENT_WRONG, "training started in " + run))
                : Optional.empty();
    }

    List<FaultCase> diverging() {
        return List.of(
                FaultCase.command(DIVERGE, "a learning rate that overflows the weights", true,
                        false, 1, "training diverged at iteration", dir -> args("train", centroid(dir, 12), "--set",
                                "learner.params.learningRate=1e300", "--out", dir.resolve("run"), "--no-progress"),
                        (dir, r) -> allCheckpointsFinite(dir.resolve("run"))),
                FaultCase.command(DIVERGE, "protonet with learning rate 1e30 (NaN weights, finite loss)", false, false,
                        1, "training diverged at iteration", dir -> args("train", KillResume.config(
                                KillResume.Scenario.PROTONET, dir), "--set", "learner.params.optimizer.learningRate=1e30",
                                "--out", dir.resolve("run"), "--no-progress"),
                        (dir, r) -> allCheckpointsFinite(dir.resolve("run"))),
                FaultCase.command(DIVERGE, "maml with innerLr 1e30", false, false, 1, "training diverged at iteration",
                        dir -> args("train", KillResume.config(KillResume.Scenario.MAML, dir), "--set",
                                "learner.params.innerLr=1e30", "--out", dir.resolve("run"), "--no-progress"),
                        (dir, r) -> allCheckpointsFinite(dir.resolve("run"))),
                FaultCase.command(DIVERGE, "protonet diverging with --check-numerics names the op", true, 1,
                        "produced NaN or Inf", dir -> args("train", KillResume.config(KillResume.Scenario.PROTONET,
                                dir), "--set", "learner.params.optimizer.learningRate=1e30", "--check-numerics",
                                "--out", dir.resolve("run"), "--no-progress")),
                FaultCase.command(DIVERGE, "plugin learner returning a NaN loss", true, false, 1,
                        "training diverged at iteration 3: the loss is NaN", dir -> args("train", centroid(dir, 6),
                                "--plugins-dir", badPlugin(dir), "--set", "learner.name=bad", "--out",
                                dir.resolve("run"), "--no-progress"),
                        (dir, r) -> allCheckpointsFinite(dir.resolve("run"))),
                FaultCase.command(DIVERGE, "plugin learner predicting NaN logits", false, 1,
                        "the adapter predicted NaN or Inf", dir -> args("train", centroid(dir, 2), "--plugins-dir",
                                badPlugin(dir), "--set", "learner.name=bad", "--set",
                                "learner.params.fault=nan-logits", "--out", dir.resolve("run"), "--no-progress")),
                FaultCase.command(DIVERGE, "eval of a checkpoint with NaN parameters", true, 1,
                        "holds non-finite values", dir -> {
                            Path run = dir.resolve("run");
                            CliRun trained = CliRun.of("train", centroid(dir, 1), "--out", run, "--no-progress");
                            if (trained.code() != 0) {
                                throw new IllegalStateException(trained.err());
                            }
                            Path file = new CheckpointStore(run, 1).files().get(0);
                            Checkpoint c = CheckpointFile.read(file);
                            StateDict state = new StateDict().putAll("", c.state());
                            state.put("learner.weights", state.get("learner.weights").dup().assign(Double.NaN));
                            CheckpointFile.write(file, new Checkpoint(c.iteration(), state, c.configJson(),
                                    c.provenance()));
                            return args("eval", run);
                        }));
    }

    List<FaultCase> dataFiles() {
        return List.of(
                FaultCase.command(DATA, "cached Omniglot archive truncated after its checksum was recorded", true, 1,
                        "is corrupt or not the expected file", dir -> {
                            Path cache = fullOmniglot(dir);
                            Path zip = cache.resolve("omniglot").resolve(OmniglotProvider.BACKGROUND_ZIP);
                            byte[] bytes = Files.readAllBytes(zip);
                            Files.write(zip, Arrays.copyOf(bytes, bytes.length * 2 / 3));
                            return omniglotTrain(dir, cache);
                        }),
                FaultCase.command(DATA, "cached Omniglot archive that is not the official one, without a checksum",
                        false, 1, "its MD5 is", dir -> {
                            Path cache = fullOmniglot(dir);
                            Files.delete(ExpectedDigest.sidecar(cache.resolve("omniglot")
                                    .resolve(OmniglotProvider.BACKGROUND_ZIP)));
                            return omniglotTrain(dir, cache);
                        }),
                FaultCase.command(DATA, "configured backgroundSha256 not matching the cached archive", false, 1,
                        "(configured)", dir -> {
                            Path cache = fullOmniglot(dir);
                            List<Object> args = new ArrayList<>(omniglotTrain(dir, cache));
                            args.addAll(List.of("--set", "dataset.params.backgroundSha256=" + "ab".repeat(32)));
                            return args;
                        }),
                FaultCase.command(DATA, "all_runs.zip cut at an entry boundary", false, 1, "truncated", dir -> {
                    Path model = omniglotModel(dir);
                    byte[] zip = RawOmniglot.zipBytes(OneShotRunsFixture.assemble());
                    Path runs = Files.write(dir.resolve("all_runs.zip"), Arrays.copyOf(zip, zip.length * 3 / 4));
                    return args("eval", model, "--omniglot-runs", runs);
                }));
    }

    /** A cache directory with small archives under the official names, each vouched for by a .sha256 file. */
    private static Path fullOmniglot(Path dir) throws IOException {
        Path cache = dir.resolve("cache");
        Path omniglot = Files.createDirectories(cache.resolve("omniglot"));
        Map<String, List<byte[]>> characters = RawOmniglot.characters("images_background_small2.zip");
        int c = 0;
        for (String name : List.of(OmniglotProvider.BACKGROUND_ZIP, OmniglotProvider.EVALUATION_ZIP)) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (Map.Entry<String, List<byte[]>> e : characters.entrySet().stream().skip(c).limit(6).toList()) {
                for (int d = 0; d < 5; d++) {
                    entries.put(name.replace(".zip", "") + "/" + e.getKey() + "/" + d + ".png", e.getValue().get(d));
                }
            }
            c += 6;
            Path zip = RawOmniglot.writeZip(omniglot.resolve(name), entries);
            Files.writeString(ExpectedDigest.sidecar(zip), VerifiedFile.digest(zip, "SHA-256") + "  " + name + "\n");
        }
        return cache;
    }

    private static List<Object> omniglotTrain(Path dir, Path cache) throws IOException {
        Path config = write(dir, "omniglot.yaml", """
                seed: 3
                dataset: {name: omniglot, params: {cacheDir: %s, trainCharacters: 4, validationCharacters: 2}}
                learner: {name: protonet, params: {backbone: {type: conv4, channels: 4}}}
                train: {iterations: 1, metaBatch: 1, way: 2, shot: 1, query: 1}
                eval: {way: 2, shot: 1, query: 1, episodes: 1}
                """.formatted(cache));
        return args("train", config, "--out", dir.resolve("run"), "--no-progress");
    }

    /** A one-iteration ProtoNet checkpoint on 28x28 Omniglot images, for scoring on the runs format. */
    private static Path omniglotModel(Path dir) throws IOException {
        Path run = dir.resolve("model");
        List<Object> args = new ArrayList<>(omniglotTrain(dir, fullOmniglot(dir)));
        args.set(args.indexOf(dir.resolve("run")), run);
        CliRun r = CliRun.of(args.toArray());
        if (r.code() != 0) {
            throw new IllegalStateException(r.err());
        }
        return run;
    }

    List<FaultCase> lock() {
        return List.of(
                FaultCase.command(LOCK, "a second train process in the directory of a running one", true, true, 1,
                        "is in use by pid ", dir -> {
                            Path run = dir.resolve("run");
                            ChildCli first = ChildCli.start(dir, dir.resolve("logs"), "train", centroid(dir, 100000),
                                    "--out", run, "--no-progress");
                            RUNNING.put(dir, first);
                            if (!first.waitFor(() -> !new CheckpointStore(run, 1).files().isEmpty(),
                                    Duration.ofMinutes(3))) {
                                throw new IllegalStateException("the first run did not start: " + first.errSoFar());
                            }
                            // As the same command again would: resuming the run while it still trains.
                            return args("train", centroid(dir, 100000), "--resume", run, "--no-progress");
                        },
                        (dir, r) -> {
                            ChildCli first = RUNNING.remove(dir);
                            boolean undisturbed = first.alive();
                            ProcessHandle.of(first.pid()).ifPresent(ProcessHandle::destroy);
                            ChildCli.Result stopped = first.await(Duration.ofMinutes(1));
                            if (!stopped.err().contains("stopped after")) {
                                return Optional.of(new FaultCase.Outcome(FaultCase.Verdict.LOST_DATA,
                                        "the first run did not stop with a checkpoint: " + stopped.err()));
                            }
                            return undisturbed ? Optional.empty() : Optional.of(new FaultCase.Outcome(
                                    FaultCase.Verdict.LOST_DATA, "the first run stopped"));
                        }),
                FaultCase.command(LOCK, "a lock left by a killed run", true, 0, "", dir -> {
                    Path run = dir.resolve("run");
                    CliRun trained = CliRun.of("train", centroid(dir, 2), "--out", run, "--no-progress");
                    if (trained.code() != 0) {
                        throw new IllegalStateException(trained.err());
                    }
                    Files.writeString(run.resolve(RunLock.FILE), "pid 999999999\ncommand metalearn train\n");
                    return args("train", centroid(dir, 4), "--resume", run, "--no-progress");
                }),
                FaultCase.command(LOCK, "a pipeline into a directory another run holds", true, false, 1, "is in use by",
                        dir -> {
                            Path run = dir.resolve("run");
                            HELD.put(dir, RunLock.acquire(run, "a test"));
                            return args("pipeline", KillResume.config(KillResume.Scenario.PIPELINE, dir), "--out",
                                    run, "--no-progress");
                        },
                        (dir, r) -> {
                            HELD.remove(dir).close();
                            return Optional.empty();
                        }));
    }

    List<FaultCase> beforeTraining() {
        return List.of(
                FaultCase.command(BEFORE, "eval.way larger than the evaluation split", true, false, 2,
                        "eval: data set 'test-blobs' cannot make 11-way", dir -> args("train", centroid(dir, 5), "--set",
                                "eval.way=11", "--out", dir.resolve("run"), "--no-progress"),
                        (dir, r) -> nothingWritten(dir.resolve("run"))),
                FaultCase.command(BEFORE, "train.split typo", true, 2, "train.split: data set 'test-blobs' has no split",
                        dir -> args("train", centroid(dir, 5), "--set", "train.split=meta-trian", "--out",
                                dir.resolve("run"))),
                FaultCase.command(BEFORE, "metalearn config with a misspelled eval split", true, 2,
                        "eval.split: data set 'test-blobs' has no split 'meta-tset'",
                        dir -> args("config", centroid(dir, 5), "--set", "eval.split=meta-tset")),
                FaultCase.command(BEFORE, "metalearn config with backend: tpu", true, 2,
                        "backend: no backend named 'tpu'", dir -> args("config", centroid(dir, 5), "--set",
                                "backend=tpu")),
                FaultCase.command(BEFORE, "a meta-batch too large for memory", true, false, 2, "train: needs about",
                        dir -> args("train", centroid(dir, 5), "--set", "dataset.params.dims=2000", "--set",
                                "train.way=10", "--set", "train.shot=40", "--set", "train.query=40", "--set",
                                "train.metaBatch=2000", "--out", dir.resolve("run"), "--no-progress"),
                        (dir, r) -> nothingWritten(dir.resolve("run"))),
                FaultCase.command(BEFORE, "a 500-way Omniglot episode", false, 2, "train: needs about",
                        dir -> args("train", write(dir, "big.yaml", """
                                seed: 1
                                dataset: {name: omniglot-small}
                                learner: {name: protonet}
                                train: {iterations: 5, metaBatch: 1, way: 500, shot: 5, query: 5}
                                eval: {way: 5, shot: 1, query: 5, episodes: 5}
                                """), "--out", dir.resolve("run"), "--no-progress")),
                FaultCase.command(BEFORE, "a 20,000-task MAML meta-batch on Omniglot", false, 2, "20000 tasks per step",
                        dir -> args("train", write(dir, "maml.yaml", """
                                seed: 1
                                dataset: {name: omniglot-small}
                                learner: {name: maml}
                                train: {iterations: 5, metaBatch: 20000, way: 5, shot: 1, query: 15}
                                eval: {way: 5, shot: 1, query: 5, episodes: 5}
                                """), "--out", dir.resolve("run"), "--no-progress")),
                FaultCase.command(BEFORE, "an evaluation failing after training: the final checkpoint comes first",
                        true, false, 1, "plugin bad-learner.jar (learner 'bad') failed at bad.Bad$BadLearner",
                        dir -> args("train", centroid(dir, 3), "--plugins-dir", badPlugin(dir), "--set",
                                "learner.name=bad", "--set", "learner.params.fault=npe-adapter", "--out",
                                dir.resolve("run"), "--no-progress"),
                        (dir, r) -> new CheckpointStore(dir.resolve("run"), 1).latestGood().orElseThrow().checkpoint()
                                .iteration() == 3 ? Optional.empty() : Optional.of(new FaultCase.Outcome(
                                FaultCase.Verdict.LOST_DATA, "no checkpoint of the last iteration"))),
                FaultCase.command(BEFORE, "pipeline --check: an evaluate way larger than its split", true, 2,
                        "stages[1] 'evaluate': ", dir -> args("pipeline", pipeline(dir, "meta-train", "", 30), "--check")),
                FaultCase.command(BEFORE, "pipeline --check: a split typo", true, 2, "no split 'meta-trian'",
                        dir -> args("pipeline", pipeline(dir, "meta-trian", "", 4), "--check")),
                FaultCase.command(BEFORE, "pipeline --check: an unknown learner param", true, 2,
                        "stages[0].config.params.distanse: unknown key", dir -> args("pipeline", pipeline(dir,
                                "meta-train", ", distanse: cosine", 4), "--check")),
                FaultCase.command(BEFORE, "pipeline --check: an unknown backend", true, 2,
                        "backend: no backend named 'tpu'", dir -> args("pipeline", pipeline(dir, "meta-train", "", 4),
                                "--check", "--backend", "tpu")),
                FaultCase.command(BEFORE, "pipeline --check: a pretrained backbone narrower than the learner's", false,
                        2, "stages[1] 'meta-train': ", dir -> args("pipeline", write(dir, "widths.yaml", """
                                stages:
                                  - stage: pretrain
                                    config: {dataset: fashion-mnist, split: train, backbone: {type: mlp, hidden: [16]},
                                             iterations: 5, batchSize: 16}
                                  - stage: meta-train
                                    config: {learner: protonet, params: {backbone: {type: mlp, hidden: [32]}},
                                             dataset: fashion-mnist, split: meta-train, way: 3, shot: 1, query: 2,
                                             iterations: 5}
                                """), "--check")));
    }

    /** A meta-train + evaluate pipeline on the blobs fixture, far too long to run unless the check stops it. */
    private static Path pipeline(Path dir, String split, String params, int evalWay) throws IOException {
        return write(dir, "pipeline.yaml", """
                seed: 2
                stages:
                  - stage: meta-train
                    config: {learner: protonet, params: {backbone: {type: mlp, hidden: [8]}%s}, dataset: test-blobs,
                             split: %s, way: 4, shot: 2, query: 3, iterations: 100000}
                  - stage: evaluate
                    config: {dataset: test-blobs, split: meta-test, way: %d, shot: 2, query: 3, episodes: 100000}
                """.formatted(params, split, evalWay));
    }

    List<FaultCase> resume() {
        return List.of(
                FaultCase.command(RESUME, "resuming a complete run", true, 2, "is complete: 3 of 3 iterations done",
                        dir -> trainedThenResumed(dir, 3, "train.iterations=3")),
                FaultCase.command(RESUME, "resuming with fewer iterations than done", true, 2,
                        "train.iterations: 2 is fewer than the 3 iterations", dir -> trainedThenResumed(dir, 3,
                                "train.iterations=2")),
                FaultCase.command(RESUME, "resuming with a changed learning rate", true, 2,
                        "cannot resume: the configuration differs", dir -> trainedThenResumed(dir, 3,
                                "learner.params.learningRate=0.5")),
                FaultCase.command(RESUME, "another run's checkpoint placed in the directory", true, 1,
                        "was written by another run", dir -> {
                            Path run = dir.resolve("run");
                            Path other = dir.resolve("other");
                            train(dir, run, 2, "seed=5");
                            train(dir, other, 3, "seed=9");
                            Files.copy(other.resolve("checkpoints/ckpt-00000003.ml4j"),
                                    run.resolve("checkpoints/ckpt-00000003.ml4j"));
                            return args("train", centroid(dir, 6), "--resume", run, "--no-progress");
                        }),
                FaultCase.command(RESUME, "train --resume of a missing directory", true, 2, "does not exist",
                        dir -> args("train", centroid(dir, 3), "--resume", dir.resolve("missing"))),
                FaultCase.command(RESUME, "pipeline --resume of a missing directory", true, 2, "does not exist",
                        dir -> args("pipeline", KillResume.config(KillResume.Scenario.PIPELINE, dir), "--resume",
                                dir.resolve("missing"))),
                FaultCase.command(RESUME, "a corrupt newest checkpoint: the previous good one is used", true, 0, "",
                        dir -> {
                            Path run = dir.resolve("run");
                            train(dir, run, 3, "seed=5");
                            Path newest = run.resolve("checkpoints/ckpt-00000003.ml4j");
                            byte[] bytes = Files.readAllBytes(newest);
                            Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));
                            return args("train", centroid(dir, 5), "--resume", run, "--no-progress");
                        }),
                FaultCase.command(RESUME, "every checkpoint corrupt", false, 1, "no good checkpoint in", dir -> {
                    Path run = dir.resolve("run");
                    train(dir, run, 3, "seed=5");
                    for (Path f : new CheckpointStore(run, 1).files()) {
                        Files.write(f, new byte[] {1, 2, 3});
                    }
                    return args("train", centroid(dir, 5), "--resume", run, "--no-progress");
                }));
    }

    private static void train(Path dir, Path run, int iterations, String set) throws IOException {
        CliRun r = CliRun.of("train", centroid(dir, iterations), "--set", set, "--out", run, "--no-progress");
        if (r.code() != 0) {
            throw new IllegalStateException(r.err());
        }
    }

    private static List<Object> trainedThenResumed(Path dir, int iterations, String set) throws IOException {
        Path run = dir.resolve("run");
        train(dir, run, iterations, "seed=5");
        return args("train", centroid(dir, iterations), "--set", set, "--resume", run, "--no-progress");
    }

    List<FaultCase> disk() {
        return List.of(
                FaultCase.command(DISK, "metrics.jsonl on a full disk (/dev/full): one line, at once", true, true, 1,
                        "cannot write metrics file", dir -> {
                            Path run = Files.createDirectories(dir.resolve("run"));
                            Files.createSymbolicLink(run.resolve(Trainer.METRICS_FILE), Path.of("/dev/full"));
                            return args("train", centroid(dir, 200), "--out", run, "--no-progress");
                        },
                        (dir, r) -> r.err().contains("No space left on device") && r.seconds() < 60
                                ? Optional.empty() : Optional.of(new FaultCase.Outcome(
                                FaultCase.Verdict.UNCLEAR_ERROR, "took " + r.seconds() + " s: " + r.err()))),
                FaultCase.command(DISK, "a checkpoint on a full disk (/dev/full)", true, false, 1,
                        "No space left on device; no checkpoint was written", dir -> {
                            Path checkpoints = Files.createDirectories(dir.resolve("run/checkpoints"));
                            Files.createSymbolicLink(checkpoints.resolve(".ckpt-00000001.ml4j.tmp"),
                                    Path.of("/dev/full"));
                            return args("train", centroid(dir, 3), "--out", dir.resolve("run"), "--no-progress");
                        },
                        (dir, r) -> r.err().contains("cannot write checkpoint") ? Optional.empty()
                                : Optional.of(new FaultCase.Outcome(FaultCase.Verdict.UNCLEAR_ERROR, r.err()))),
                FaultCase.command(DISK, "--out through a regular file", true, 1, "cannot lock run directory",
                        dir -> args("train", centroid(dir, 2), "--out", write(dir, "file", "x").resolve("run"))),
                FaultCase.command(DISK, "config.json replaced by a directory", false, 1, "config.json: ", dir -> {
                    Files.createDirectories(dir.resolve("run/config.json"));
                    return args("train", centroid(dir, 2), "--out", dir.resolve("run"), "--no-progress");
                }),
                FaultCase.command(DISK, "a pipeline artifact on a full disk (/dev/full)", false, 1,
                        "cannot write artifact", dir -> {
                            Path stage = Files.createDirectories(dir.resolve("run/0-meta-train"));
                            Files.createSymbolicLink(stage.resolve(".artifact.bin.tmp"), Path.of("/dev/full"));
                            return args("pipeline", KillResume.config(KillResume.Scenario.PIPELINE, dir), "--resume",
                                    dir.resolve("run"), "--no-progress");
                        }));
    }

    List<FaultCase> messages() {
        return List.of(
                FaultCase.command(MESSAGES, "a binary config", true, 2, "is not UTF-8 text", dir -> {
                    Path f = dir.resolve("binary.yaml");
                    Files.createDirectories(dir);
                    Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0, 1, 2, (byte) 0x80});
                    return args("train", f);
                }),
                FaultCase.command(MESSAGES, "a config with NUL bytes", false, 2, "cannot parse",
                        dir -> args("train", write(dir, "nul.yaml", "seed: 1\0\0\n"))),
                FaultCase.command(MESSAGES, "a layer width overflowing int", true, 2, "sizes too large", dir -> args(
                        "train", KillResume.config(KillResume.Scenario.PROTONET, dir), "--set",
                        "learner.params.backbone.hidden=[2000000000]", "--out", dir.resolve("run"))),
                FaultCase.command(MESSAGES, "a plugin throwing NullPointerException in its step", true, 1,
                        "plugin bad-learner.jar (learner 'bad') failed at bad.Bad$BadLearner.step(Bad.java:",
                        dir -> args("train", centroid(dir, 3), "--plugins-dir", badPlugin(dir), "--set",
                                "learner.name=bad", "--set", "learner.params.fault=npe-step", "--out",
                                dir.resolve("run"), "--no-progress")),
                FaultCase.command(MESSAGES, "a resume whose network no longer fits the checkpoint", true, 1,
                        "has shape [16, 8] there but [24, 8] in the learner; was it written with another learner or"
                                + " network configuration? The configuration was changed (allowed) in:"
                                + " [learner.params.backbone.hidden[0]]", dir -> {
                            Path run = dir.resolve("run");
                            Path config = KillResume.config(KillResume.Scenario.PROTONET, dir);
                            CliRun trained = CliRun.of("train", config, "--set", "train.iterations=2", "--out", run,
                                    "--no-progress");
                            if (trained.code() != 0) {
                                throw new IllegalStateException(trained.err());
                            }
                            return args("train", config, "--set", "train.iterations=4", "--set",
                                    "learner.params.backbone.hidden=[24]", "--allow-config-change", "--resume", run,
                                    "--no-progress");
                        }),
                FaultCase.command(MESSAGES, "a list where a number goes", true, 2,
                        "train.iterations: expected an integer, got a list [1]", dir -> args("config",
                                write(dir, "list.yaml", "train: {iterations: [1]}\n"))),
                FaultCase.command(MESSAGES, "an unknown backend in the file", true, 2,
                        "backend: no backend named 'tpu'; available: auto, cpu, cuda (in ", dir -> args("train",
                                write(dir, "tpu.yaml", CENTROID.formatted(2) + "backend: tpu\n"))),
                FaultCase.command(MESSAGES, "a bad --set value is attributed to --set", true, 2,
                        "(from --set learner.params.embedding=wide)", dir -> args("train", centroid(dir, 2), "--set",
                                "learner.params.embedding=wide", "--out", dir.resolve("run"))),
                FaultCase.command(MESSAGES, "iterations: 010 (YAML 1.1 octal)", true, 2, "not a plain decimal integer",
                        dir -> args("train", write(dir, "octal.yaml", "train: {iterations: 010}\n"))),
                FaultCase.command(MESSAGES, "a key given twice", true, 2, "key given twice",
                        dir -> args("train", write(dir, "dup.yaml", "seed: 1\nseed: 2\n"))),
                FaultCase.command(MESSAGES, "learning rate .nan", true, 2, "expected a finite number, got .nan",
                        dir -> args("train", centroid(dir, 2), "--set", "learner.params.learningRate=.nan")),
                FaultCase.command(MESSAGES, "yes as a boolean", false, 2, "is read by YAML 1.1 as true",
                        dir -> args("pipeline", write(dir, "p.yaml", "stages: [{stage: evaluate, config:"
                                + " {dataset: test-blobs, split: meta-test, steps: yes}}]\n"), "--check")),
                FaultCase.command(MESSAGES, "a data set param naming a missing directory", true, 2,
                        "dataset.params.cacheDir: full Omniglot not found", dir -> args("config", write(dir,
                                "omni.yaml", "dataset: {name: omniglot, params: {cacheDir: " + dir.resolve("none")
                                        + "}}\n"))));
    }

    /** Variations of one good config, each broken in one key. */
    List<FaultCase> badConfigs() {
        String[][] sets = {
            {"train.iterations=0", "train.iterations: expected an integer >= 1, got 0"},
            {"train.iterations=-5", "train.iterations: expected an integer >= 1"},
            {"train.iterations=1.5", "train.iterations: expected an integer, got 1.5"},
            {"train.iterations=many", "train.iterations: expected an integer, got \"many\""},
            {"train.iterations=99999999999", "expected an integer in [-2147483648, 2147483647]"},
            {"train.way=0", "train.way: expected an integer >= 1"},
            {"train.shot=-1", "train.shot: expected an integer >= 1"},
            {"train.query=[2]", "train.query: expected an integer, got a list [2]"},
            {"train.metaBatch={a: 1}", "train.metaBatch: expected an integer, got a mapping"},
            {"train.checkpointEvery=0", "train.checkpointEvery: expected an integer >= 1"},
            {"train.keepCheckpoints=0", "train.keepCheckpoints: expected an integer >= 1"},
            {"train.split=", "train.split: expected a non-empty string"},
            {"train.way=30", "train: data set 'test-blobs' cannot make 30-way"},
            {"train.shot=0x10", "not a plain decimal integer"},
            {"train.nope=1", "train.nope: unknown key"},
            {"eval.episodes=0", "eval.episodes: expected an integer >= 1"},
            {"eval.way=true", "eval.way: expected an integer, got true"},
            {"eval.split=train", "eval.split: data set 'test-blobs' has no split 'train'"},
            {"eval.seed=1e400", "expected a finite number"},
            {"seed=abc", "seed: expected an integer, got \"abc\""},
            {"backend=", "backend: expected a non-empty string"},
            {"backend=gpu", "backend: no backend named 'gpu'"},
            {"dataset.name=blobs", "dataset.name: no dataset named 'blobs'"},
            {"dataset.params.dims=0", "dataset.params.dims: expected an integer >= 1"},
            {"dataset.params.spread=-1", "dataset.params.spread"},
            {"dataset.params.colour=red", "dataset.params.colour: unknown key"},
            {"learner.name=protonett", "learner.name: no learner named 'protonett'"},
            {"learner.params.momentum=2", "learner.params.momentum"},
            {"learner.params.embedding=on", "is read by YAML 1.1 as true"},
            {"learner.params=3", "learner.params: expected a mapping"},
            {"pluginsDir=/no/such/dir", "pluginsDir: '/no/such/dir' is not a directory"},
        };
        List<FaultCase> cases = new ArrayList<>();
        for (String[] s : sets) {
            cases.add(FaultCase.command(MESSAGES, "--set " + s[0], false, 2, s[1], dir -> args("train",
                    centroid(dir, 2), "--set", s[0], "--out", dir.resolve("run"), "--no-progress")));
        }
        return cases;
    }
}
