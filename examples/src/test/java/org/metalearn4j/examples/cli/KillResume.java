package org.metalearn4j.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.core.pipeline.Artifact;
import org.metalearn4j.transfer.pipeline.ArtifactFiles;
import org.metalearn4j.transfer.pipeline.PipelineRunner;

/**
 * Kill and resume, as issue 25 tried it: a run in a JVM of its own is killed with SIGKILL (or stopped with SIGTERM) at
 * seeded random moments (after a random number of steps plus a random delay, with a checkpoint written every step, so
 * kills land in steps and in checkpoint writes alike), continued with {@code --resume} each time, and must end with
 * the state an uninterrupted run ends with, bit for bit.
 */
final class KillResume {
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

    /** What is killed: a metric learner, a MAML learner (both trained with {@code train}), or a pipeline. */
    enum Scenario {
        PROTONET("""
                seed: 7
                dataset: {name: test-blobs}
                learner: {name: protonet, params: {backbone: {type: mlp, hidden: [16]}}}
                train: {iterations: 20, metaBatch: 2, way: 4, shot: 2, query: 3, checkpointEvery: 1, evalEvery: 1000,
                        keepCheckpoints: 2}
                eval: {way: 4, shot: 2, query: 3, episodes: 10}
                """),
        MAML("""
                seed: 7
                dataset: {name: sinusoid}
                learner: {name: maml, params: {backbone: {type: mlp, hidden: [20, 20]}}}
                train: {iterations: 15, metaBatch: 4, way: 1, shot: 5, query: 5, checkpointEvery: 1, evalEvery: 1000,
                        keepCheckpoints: 2}
                eval: {way: 1, shot: 5, query: 10, episodes: 10}
                """),
        PIPELINE("""
                seed: 7
                stages:
                  - stage: meta-train
                    config: {learner: protonet, params: {backbone: {type: mlp, hidden: [16]}}, dataset: test-blobs,
                             split: meta-train, way: 4, shot: 2, query: 3, metaBatch: 2, iterations: 300}
                  - stage: evaluate
                    config: {dataset: test-blobs, split: meta-test, way: 4, shot: 2, query: 3, episodes: 10}
                """);

        private final String yaml;

        Scenario(String yaml) {
            this.yaml = yaml;
        }

        boolean pipeline() {
            return this == PIPELINE;
        }
    }

    private KillResume() {
    }

    /** The scenario's config file in {@code dir}. */
    static Path config(Scenario s, Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(s.name().toLowerCase() + ".yaml"), s.yaml);
    }

    /** Runs the scenario once without interruption and returns its final state. */
    static byte[] reference(Scenario s, Path dir) throws IOException {
        Path run = dir.resolve("reference");
        ChildCli.Result r = ChildCli.run(dir, dir.resolve("logs"), RUN_LIMIT, command(s, config(s, dir), run, false));
        if (r.code() != 0) {
            throw new IllegalStateException("the uninterrupted " + s + " run failed: " + r.err());
        }
        return finalState(s, run);
    }

    /**
     * Runs the scenario with {@code kills} interruptions, then to its end, and compares with {@code reference}.
     *
     * @param sigterm stop with SIGTERM (Ctrl-C's path: finish the step, write a checkpoint) instead of SIGKILL
     */
    static FaultCase.Outcome interrupted(Scenario s, byte[] reference, int kills, long seed, boolean sigterm, Path dir)
            throws IOException {
        Path config = config(s, dir);
        Path run = dir.resolve("run");
        Random random = new Random(seed);
        List<String> moments = new ArrayList<>();
        int steps = 0;
        for (int k = 0; k < kills; k++) {
            ChildCli child = ChildCli.start(dir, dir.resolve("logs"), command(s, config, run, resumable(s, run)));
            int after = steps + 1 + random.nextInt(4);
            boolean running = s.pipeline()
                    ? child.waitFor(() -> child.errSoFar().contains(" starts"), RUN_LIMIT)
                    : child.waitFor(() -> stepsWritten(run) >= after, RUN_LIMIT);
            if (!running) {
                FaultCase.Outcome ended = endedEarly(child);
                if (ended != null) {
                    return ended;
                }
                break;
            }
            ChildCli.sleep(random.nextInt(s.pipeline() ? 1500 : 150));
            if (sigterm) {
                FaultCase.Outcome stopped = stop(child);
                if (stopped != null) {
                    return stopped;
                }
            } else {
                child.kill();
            }
            steps = s.pipeline() ? 0 : stepsWritten(run);
            moments.add(s.pipeline() ? "kill " + (k + 1) : "after step " + steps);
            try {
                new CheckpointStore(run, 1).latestGood();
            } catch (CheckpointException e) {
                return new FaultCase.Outcome(FaultCase.Verdict.LOST_DATA, "after " + moments + ": " + e.getMessage());
            }
        }
        // the last kill may land after the run finished (it then refuses a resume, as it should): nothing to resume
        boolean finished = !s.pipeline() && Files.isRegularFile(run.resolve(Trainer.FINISHED_FILE));
        FaultCase.Outcome judged = finished ? new FaultCase.Outcome(FaultCase.Verdict.PASSED, "finished")
                : FaultCase.judge(0, "", ChildCli.run(dir, dir.resolve("logs"), RUN_LIMIT,
                command(s, config, run, resumable(s, run))));
        if (judged.verdict() != FaultCase.Verdict.PASSED) {
            return new FaultCase.Outcome(judged.verdict() == FaultCase.Verdict.STACK_TRACE ? judged.verdict()
                    : FaultCase.Verdict.LOST_DATA, "resuming after " + moments + " failed: " + judged.detail());
        }
        return java.util.Arrays.equals(finalState(s, run), reference)
                ? new FaultCase.Outcome(FaultCase.Verdict.PASSED, "bitwise equal after " + moments.size()
                + (sigterm ? " SIGTERMs " : " kills ") + moments)
                : new FaultCase.Outcome(FaultCase.Verdict.LOST_DATA, "final state differs from the uninterrupted run"
                + " after " + moments);
    }

    /** A run that ended before it was interrupted: fine if it succeeded, otherwise its verdict. */
    private static FaultCase.Outcome endedEarly(ChildCli child) {
        FaultCase.Outcome judged = FaultCase.judge(0, "", child.await(Duration.ofSeconds(10)));
        return judged.verdict() == FaultCase.Verdict.PASSED ? null : judged;
    }

    /** SIGTERM: the run must stop within a minute, exit non-zero (143) without a stack trace. */
    private static FaultCase.Outcome stop(ChildCli child) {
        ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroy);
        ChildCli.Result r = child.await(Duration.ofMinutes(1));
        if (FaultCase.judge(0, "", r).verdict() == FaultCase.Verdict.STACK_TRACE) {
            return new FaultCase.Outcome(FaultCase.Verdict.STACK_TRACE, r.err());
        }
        if (r.seconds() > 60) {
            return new FaultCase.Outcome(FaultCase.Verdict.UNCLEAR_ERROR, "SIGTERM did not stop the run in a minute");
        }
        return null;
    }

    private static Object[] command(Scenario s, Path config, Path run, boolean resume) {
        return new Object[] {s.pipeline() ? "pipeline" : "train", config, resume ? "--resume" : "--out", run,
                "--no-progress"};
    }

    /** Whether the run directory holds something to resume (else the run starts afresh). */
    private static boolean resumable(Scenario s, Path run) {
        if (s.pipeline()) {
            return Files.isDirectory(run);
        }
        return !new CheckpointStore(run, 1).files().isEmpty();
    }

    private static int stepsWritten(Path run) {
        Path metrics = run.resolve(Trainer.METRICS_FILE);
        if (!Files.isRegularFile(metrics)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(metrics)) {
            return (int) lines.filter(l -> l.contains("\"event\":\"step\"")).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** The learner state of the newest checkpoint, or every stage artifact's state and metrics, as bytes. */
    static byte[] finalState(Scenario s, Path run) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        if (!s.pipeline()) {
            CheckpointStore.Loaded loaded = new CheckpointStore(run, 1).latestGood().orElseThrow();
            TrainingCheckpoint.learnerState(loaded.checkpoint(), loaded.file().toString()).write(out);
            out.writeInt(loaded.checkpoint().iteration());
            return bytes.toByteArray();
        }
        try (Stream<Path> stages = Files.list(run)) {
            for (Path stage : stages.filter(Files::isDirectory).sorted().toList()) {
                Artifact a = ArtifactFiles.read(stage.resolve(PipelineRunner.ARTIFACT_FILE));
                StateDict state = a.state();
                state.write(out);
                Map<String, Double> metrics = new TreeMap<>(a.metrics());
                out.writeUTF(metrics.toString());
            }
        }
        return bytes.toByteArray();
    }
}
