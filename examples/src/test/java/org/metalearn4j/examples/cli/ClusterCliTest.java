package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.TrainingCheckpoint;
import org.metalearn4j.examples.testing.Float64MamlProvider;

/**
 * The cluster through the CLI, with worker processes on loopback: float64 MAML trained by a worker started with
 * {@code --local-workers} ends with the local run's parameters bit for bit; with two more workers, one killed with
 * SIGKILL in the middle of a meta-batch is replaced and the run still ends with them; a coordinator killed mid-run is
 * resumed with {@code --resume} and the same workers serve it; {@code cluster status} lists the workers; a CUDA worker
 * on a machine without a GPU fails with the reason. Two workers are shared by the class, so the cluster joins once.
 */
class ClusterCliTest {
    @TempDir
    static Path dir;
    private static Path clusterFile;
    /** The same cluster settings as a run config's override. */
    private static String clusterSection;
    private static final List<Process> PROCESSES = new ArrayList<>();

    @BeforeAll
    static void startWorkers() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 40_000);
        clusterSection = "{name: test-cli-" + UUID.randomUUID().toString().substring(0, 8) + ", port: " + port
                + ", portCount: 10, workers: 2, joinTimeoutSeconds: 180, taskTimeoutSeconds: 8, whenNoWorkers: stop}";
        clusterFile = Files.writeString(dir.resolve("cluster.yaml"), "cluster: " + clusterSection + "\n");
        for (int k = 1; k <= 2; k++) {
            spawn("worker-" + k, "worker", "--cluster-config", clusterFile, "--id", "cli-" + k);
        }
        for (int k = 1; k <= 2; k++) {
            awaitLine(dir.resolve("worker-" + k + ".log"), "joined cluster");
        }
    }

    @AfterAll
    static void stopProcesses() throws InterruptedException {
        for (Process p : PROCESSES) {
            p.destroy();
        }
        for (Process p : PROCESSES) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** A {@code metalearn} process with {@code args}, its output in {@code dir/NAME.log}, one OpenMP thread. */
    private static Process spawn(String name, Object... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(LocalWorkers.javaCommand(java.util.Arrays.stream(args)
                .map(String::valueOf).toArray(String[]::new))).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        PROCESSES.add(p);
        return p;
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no \"" + text + "\" in " + log + ":\n" + (Files.exists(log) ? Files.readString(log)
                : "(no log)"));
    }

    /** Float64 MAML on sinusoids: {@code iterations} meta-batches of 6 tasks, a checkpoint every iteration. */
    private static Path config(String name, int iterations) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), String.join("\n",
                "seed: 11", "backend: cpu", "dataset: {name: sinusoid}",
                "learner: {name: " + Float64MamlProvider.NAME + ", params: {backbone: {type: mlp, hidden: [16, 16]}}}",
                "train: {split: meta-train, iterations: " + iterations + ", metaBatch: 6, way: 1, shot: 5,"
                        + " query: 5, checkpointEvery: 1, evalEvery: 1000}",
                "eval: {split: meta-test, way: 1, shot: 5, query: 5, episodes: 4}", ""));
    }

    /**
     * Trains in this JVM; the result's {@code err} also holds what the cluster logged (SLF4J writes to the process's
     * standard error, not the command's stream).
     */
    private static CliRun train(Path config, Path out, Object... more) {
        List<Object> args = new ArrayList<>(List.of("train", config, "--out", out, "--no-progress"));
        args.addAll(List.of(more));
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(new TeeStream(stderr, logged), true, StandardCharsets.UTF_8));
        CliRun run;
        try {
            run = CliRun.of(args.toArray());
        } finally {
            System.setErr(stderr);
        }
        CliRun withLog = new CliRun(run.code(), run.out(), run.err() + logged.toString(StandardCharsets.UTF_8));
        assertThat(withLog.code()).as(withLog.err()).isZero();
        return withLog;
    }

    /** Writes to two streams. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }

    private static byte[] finalState(Path runDir) throws IOException {
        StateDict state = TrainingCheckpoint.learnerState(new CheckpointStore(runDir, 1).latestGood().orElseThrow()
                .checkpoint(), runDir.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        state.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void aLocalWorkerStartedForTheRunEndsWithTheLocalRunsParametersBitwise() throws IOException {
        Path config = config("local-workers", 3);
        train(config, dir.resolve("here"));
        CliRun cluster = train(config, dir.resolve("local-workers"), "--local-workers", 1);
        assertThat(finalState(dir.resolve("local-workers"))).isEqualTo(finalState(dir.resolve("here")));
        assertThat(cluster.err()).contains("started 1 local worker").contains("worker local-1")
                .contains("0 sent again");
        assertThat(Files.readString(dir.resolve("local-workers/workers/worker-1.log"))).contains("joined cluster");
        assertThat(Files.readString(dir.resolve("local-workers/config.json"))).contains("\"cluster\":{");
    }

    @Test
    void aWorkerKilledInTheMiddleOfAMetaBatchIsReplacedWithoutChangingTheResult() throws Exception {
        Process victim = spawn("victim", "worker", "--cluster-config", clusterFile, "--id", "cli-victim",
                "--threads", 2, "--task-delay-ms", 300);
        awaitLine(dir.resolve("victim.log"), "joined cluster");
        Path config = config("killed-worker", 6);
        Path out = dir.resolve("killed-worker");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> train(config, out, "--set",
                "cluster=" + clusterSection, "--set", "cluster.workers=3"));
        awaitLine(dir.resolve("victim.log"), "computing tasks of run");
        while (!Files.exists(out.resolve("checkpoints/ckpt-00000002.ml4j"))) {
            Thread.sleep(50);
        }
        victim.destroyForcibly();
        CliRun done = run.get(300, TimeUnit.SECONDS);

        train(config, dir.resolve("killed-worker-here"));
        assertThat(finalState(out)).isEqualTo(finalState(dir.resolve("killed-worker-here")));
        assertThat(done.err()).contains("worker cli-victim").contains("dropped from run");
    }

    @Test
    void aKilledCoordinatorResumesAndTheSameWorkersServeIt() throws Exception {
        Path config = config("killed-coordinator", 6);
        Path out = dir.resolve("killed-coordinator");
        Process coordinator = spawn("coordinator", "train", config, "--out", out, "--no-progress", "--set",
                "cluster=" + clusterSection);
        awaitLine(out.resolve(org.metalearn4j.core.train.Trainer.METRICS_FILE), "\"iteration\":2");
        coordinator.destroyForcibly();
        assertThat(coordinator.waitFor(30, TimeUnit.SECONDS)).isTrue();

        CliRun resumed = train(config, out, "--resume", out, "--set", "cluster=" + clusterSection);
        assertThat(resumed.err()).contains("resuming from").contains("worker cli-1").contains("worker cli-2");
        train(config, dir.resolve("killed-coordinator-here"));
        assertThat(finalState(out)).isEqualTo(finalState(dir.resolve("killed-coordinator-here")));
    }

    @Test
    void clusterStatusListsTheWorkersWithTheirBackend() {
        CliRun status = CliRun.of("cluster", "status", "--cluster-config", clusterFile, "--json", "--wait", 5);
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("\"id\":\"cli-1\"").contains("\"id\":\"cli-2\"")
                .contains("\"backend\":\"cpu\"").contains("\"role\":\"worker\"");
    }

    @Test
    void aCudaWorkerWithoutAGpuFailsWithTheReason() {
        CliRun cuda = CliRun.of("worker", "--backend", "cuda", "--cluster-config", clusterFile);
        assertThat(cuda.code()).isEqualTo(MetalearnCli.FAILURE);
        assertThat(cuda.err()).startsWith("error: backend 'cuda' is unavailable: ");
    }
}
