package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.CheckpointException;
import org.metalearn4j.core.checkpoint.CheckpointFile;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.EvalProgressEvent;
import org.metalearn4j.core.event.MetricsFileListener;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.event.TrainingListener;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidConfig;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;

class TrainerTest {
    private static Vertx vertx;
    private static TrainingEventBus events;
    private static final PluginRegistry REGISTRY =
            PluginRegistry.of("test", new BlobsDatasetProvider(), new CentroidLearnerProvider());

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        events = new TrainingEventBus(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    static RunConfig config(int iterations, String... extra) {
        List<String> sets = new java.util.ArrayList<>(List.of(
                "dataset.name=test-blobs", "learner.name=test-centroid", "seed=3",
                "train.iterations=" + iterations, "train.metaBatch=2", "train.way=4", "train.shot=2",
                "train.query=5", "train.checkpointEvery=4", "train.evalEvery=100",
                "eval.way=4", "eval.shot=2", "eval.query=5", "eval.episodes=20"));
        sets.addAll(List.of(extra));
        return ConfigLoader.bind(ConfigMappers.json().createObjectNode(), sets, "test");
    }

    private static RunFinished train(RunConfig config, Path dir, boolean resume) {
        return train(REGISTRY, config, dir, resume, false);
    }

    private static RunFinished train(PluginRegistry registry, RunConfig config, Path dir, boolean resume,
                                     boolean allowConfigChange) {
        return new Trainer(registry, events).train(config, dir, resume, allowConfigChange, "test", "cpu",
                () -> false);
    }

    private static byte[] finalState(Path dir) throws IOException {
        StateDict state = TrainingCheckpoint.learnerState(new CheckpointStore(dir, 1).latestGood().orElseThrow()
                .checkpoint(), "final");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        state.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void metaTrainingBeatsChanceOnHeldOutClassesAndWritesMetrics(@TempDir Path dir) throws IOException {
        MetricsFileListener metrics = new MetricsFileListener(dir.resolve(Trainer.METRICS_FILE));
        TrainingEventBus.Subscription sub = events.subscribe(metrics);
        List<EvalProgressEvent> progress = new CopyOnWriteArrayList<>();
        TrainingEventBus.Subscription watching = events.subscribe(new TrainingListener() {
            @Override
            public void onEvalProgress(EvalProgressEvent e) {
                progress.add(e);
            }
        });
        RunFinished done = train(config(20), dir, false);
        assertThat(sub.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(watching.awaitFinished(Duration.ofSeconds(10))).isTrue();
        sub.close();
        watching.close();
        metrics.close();

        // the evaluation after the last iteration reports its progress, ending with its last episode
        assertThat(progress).isNotEmpty();
        EvalProgressEvent last = progress.get(progress.size() - 1);
        assertThat(List.of(last.iteration(), last.done(), last.total())).containsExactly(20, 20L, 20L);
        assertThat(last.phase()).isEqualTo(EvalProgress.EPISODES);

        // 4-way episodes on unseen blob classes: chance is 0.25; nearest centroid on well-separated blobs is far above.
        assertThat(done.metricName()).isEqualTo("accuracy");
        assertThat(done.value()).isGreaterThan(0.8);
        assertThat(done.iteration()).isEqualTo(20);
        List<String> lines = Files.readAllLines(dir.resolve(Trainer.METRICS_FILE));
        assertThat(lines.stream().filter(l -> l.contains("\"event\":\"step\""))).hasSize(20);
        assertThat(lines.get(0)).contains("\"event\":\"started\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"event\":\"finished\"");
        assertThat(lines).noneMatch(l -> l.contains("Progress"));
        assertThat(new CheckpointStore(dir, 3).files()).extracting(p -> p.getFileName().toString())
                .containsExactly("ckpt-00000012.ml4j", "ckpt-00000016.ml4j", "ckpt-00000020.ml4j");
        assertThat(Files.readString(dir.resolve(Trainer.CONFIG_FILE))).contains("\"test-centroid\"");
    }

    @Test
    void resumedRunEndsBitwiseIdenticalToUninterruptedRun(@TempDir Path tmp) throws IOException {
        Path straight = tmp.resolve("straight");
        Path resumed = tmp.resolve("resumed");
        train(config(8), straight, false);

        train(config(3), resumed, false);
        RunFinished done = train(config(8), resumed, true);

        assertThat(done.iteration()).isEqualTo(8);
        assertThat(finalState(resumed)).isEqualTo(finalState(straight));
    }

    @Test
    void stopRequestFinishesTheStepWritesACheckpointAndResumesExactly(@TempDir Path tmp) throws IOException {
        Path straight = tmp.resolve("straight");
        Path stopped = tmp.resolve("stopped");
        train(config(6), straight, false);

        // The loop asks before every iteration; the fourth answer stops it, as Ctrl-C during step 3 would.
        AtomicInteger asked = new AtomicInteger();
        RunFinished interrupted = new Trainer(REGISTRY, events)
                .train(config(6), stopped, false, false, "test", "cpu", () -> asked.incrementAndGet() > 3);

        assertThat(interrupted.interrupted()).isTrue();
        assertThat(interrupted.iteration()).isEqualTo(3);
        assertThat(CheckpointFile.read(Path.of(interrupted.checkpoint())).iteration())
                .isEqualTo(interrupted.iteration());
        train(config(6), stopped, true);
        assertThat(finalState(stopped)).isEqualTo(finalState(straight));
    }

    @Test
    void corruptNewestCheckpointFallsBackToThePreviousGoodOne(@TempDir Path dir) throws IOException {
        train(config(4, "train.checkpointEvery=2"), dir, false);
        Path newest = dir.resolve("checkpoints/ckpt-00000004.ml4j");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        RunFinished done = train(config(4, "train.checkpointEvery=2"), dir, true);

        assertThat(done.iteration()).isEqualTo(4);
        assertThat(CheckpointFile.read(newest).iteration()).isEqualTo(4);
    }

    @Test
    void refusesToOverwriteARunWithoutResume(@TempDir Path dir) {
        train(config(1), dir, false);
        assertThatThrownBy(() -> train(config(1), dir, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--resume");
    }

    @Test
    void resumeWithAChangedConfigIsRefusedListingEveryDifferingKey(@TempDir Path dir) {
        train(config(1), dir, false);
        PluginRegistry both = PluginRegistry.of("test", new BlobsDatasetProvider(), new CentroidLearnerProvider(),
                new CentroidLearnerProvider() {
                    @Override
                    public String name() {
                        return "other-centroid";
                    }
                });
        assertThatThrownBy(() -> train(both, config(8, "learner.name=other-centroid", "learner.params.momentum=0.5",
                "eval.episodes=30"), dir, true, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot resume: the configuration differs from the one checkpoint ")
                .hasMessageContaining("\n  learner.name: test-centroid -> other-centroid\n")
                .hasMessageContaining("\n  learner.params.momentum: 0.9 -> 0.5\n")
                .hasMessageContaining("\n  eval.episodes: 20 -> 30\n")
                .hasMessageContaining("--allow-config-change")
                .hasMessageNotContaining("train.iterations:");
        assertThat(new CheckpointStore(dir, 3).files()).hasSize(1);
    }

    @Test
    void resumeWithAChangedConfigGoesOnWhenExplicitlyAllowed(@TempDir Path dir) throws IOException {
        train(config(2), dir, false);
        RunFinished done = train(REGISTRY, config(4, "learner.params.learningRate=0.02"), dir, true, true);
        assertThat(done.iteration()).isEqualTo(4);
        assertThat(ConfigMappers.plain().readTree(Files.readString(dir.resolve(Trainer.CONFIG_FILE)))
                .at("/learner/params/learningRate").asDouble()).isEqualTo(0.02);
    }

    @Test
    void runDirectoryAndCheckpointsRecordTheFullEffectiveConfig(@TempDir Path dir) throws IOException {
        train(config(2, "learner.params.embedding=6"), dir, false);
        JsonNode saved = ConfigMappers.plain().readTree(Files.readString(dir.resolve(Trainer.CONFIG_FILE)));
        CentroidConfig learnerDefaults = new CentroidLearnerProvider().defaults();
        assertThat(saved.at("/learner/params")).isEqualTo(ConfigMappers.plain().readTree(
                "{\"embedding\": 6, \"learningRate\": " + learnerDefaults.learningRate() + ", \"momentum\": "
                        + learnerDefaults.momentum() + "}"));
        assertThat(saved.at("/dataset/params").fieldNames()).toIterable()
                .containsExactly("dims", "trainClasses", "testClasses", "spread", "seed");
        RunConfig inCheckpoint = ConfigLoader.fromJson(new CheckpointStore(dir, 1).latestGood().orElseThrow()
                .checkpoint().configJson(), "checkpoint");
        assertThat(ConfigLoader.toJson(inCheckpoint)).isEqualTo(saved.toString());
    }

    @Test
    void unknownLearnerAndBadParamsFailBeforeTraining(@TempDir Path dir) {
        assertThatThrownBy(() -> train(config(4, "learner.name=nope"), dir, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("learner.name: no learner named 'nope'; available: test-centroid");
        assertThatThrownBy(() -> train(config(4, "learner.params.embedding=three"), dir, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("learner.params.embedding: expected an integer, got \"three\"");
        assertThatThrownBy(() -> train(config(4, "learner.params.embedding=0"), dir, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("learner.params.embedding: expected an integer >= 1, got 0");
        assertThatThrownBy(() -> train(config(4, "train.split=validation"), dir, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("train.split: data set 'test-blobs' has no split 'validation'");
        assertThat(new CheckpointStore(dir, 1).files()).isEmpty();
    }

    @Test
    void resumingAMissingDirectoryACompleteRunOrWithFewerIterationsIsRefused(@TempDir Path tmp) {
        assertThatThrownBy(() -> train(config(2), tmp.resolve("nowhere"), true))
                .isInstanceOf(ConfigException.class)
                .hasMessage("resume: run directory " + tmp.resolve("nowhere") + " does not exist; nothing to resume");
        assertThat(tmp.resolve("nowhere")).doesNotExist();

        Path run = tmp.resolve("run");
        train(config(4), run, false);
        assertThatThrownBy(() -> train(config(4), run, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("train.iterations: the run in " + run + " is complete: 4 of 4 iterations done");
        assertThatThrownBy(() -> train(config(3), run, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("train.iterations: 3 is fewer than the 4 iterations the run in " + run
                        + " has already done")
                .hasMessageContaining("give at least 5");
        assertThat(train(config(5), run, true).iteration()).isEqualTo(5);
    }

    @Test
    void aRunStoppedDuringItsFinalEvaluationIsEvaluatedOnResume(@TempDir Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        RunFinished whole = train(config(4), run, false);
        // as if killed after the last checkpoint, before the final evaluation ended
        Files.delete(run.resolve(Trainer.FINISHED_FILE));
        RunFinished resumed = train(config(4), run, true);
        assertThat(resumed.iteration()).isEqualTo(4);
        assertThat(resumed.value()).isEqualTo(whole.value());
        assertThat(run.resolve(Trainer.FINISHED_FILE)).hasContent("iteration 4");
    }

    @Test
    void aCheckpointOfAnotherRunPlacedInTheDirectoryIsRefused(@TempDir Path tmp) throws IOException {
        Path mine = tmp.resolve("mine");
        Path other = tmp.resolve("other");
        train(config(2), mine, false);
        train(config(3), other, false);
        Path foreign = mine.resolve("checkpoints/ckpt-00000003.ml4j");
        Files.copy(other.resolve("checkpoints/ckpt-00000003.ml4j"), foreign);

        assertThatThrownBy(() -> train(config(6), mine, true))
                .isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith("checkpoint " + foreign + " was written by another run (run id ")
                .hasMessageContaining("not by the run of " + mine + " (run id "
                        + Files.readString(mine.resolve(Trainer.RUN_ID_FILE)).strip());
        Files.delete(foreign);
        assertThat(train(config(6), mine, true).iteration()).isEqualTo(6);
    }

    @Test
    void aDivergingRunStopsAtTheIterationAndKeepsOnlyFiniteCheckpoints(@TempDir Path dir) {
        // The test learner's SGD at step size 1e300 overflows within a few steps.
        assertThatThrownBy(() -> train(config(12, "learner.params.learningRate=1e300", "train.checkpointEvery=1"),
                dir, false))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageStartingWith("training diverged at iteration ")
                .hasMessageContaining("; the last good checkpoint is " + dir.resolve("checkpoints"))
                .hasCauseInstanceOf(TrainingDivergedException.class);
        List<Path> kept = new CheckpointStore(dir, 1).files();
        assertThat(kept).isNotEmpty();
        for (Path file : kept) {
            assertThat(TrainingCheckpoint.learnerState(CheckpointFile.read(file), file.toString()).names())
                    .contains("weights");
        }
    }

    @Test
    void aCheckpointThatCannotBeWrittenStopsTheRunSayingNoneWasWritten(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(CheckpointStore.DIRECTORY), "a file where the checkpoint directory goes");
        assertThatThrownBy(() -> train(config(3, "train.checkpointEvery=1"), dir, false))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageStartingWith("cannot write checkpoint " + dir.resolve("checkpoints/ckpt-00000001.ml4j")
                        + ": ")
                .hasMessageEndingWith("; no checkpoint was written");
    }

    @Test
    void twoRunsCannotWriteOneDirectoryAtOnce(@TempDir Path dir) throws Exception {
        java.util.concurrent.CountDownLatch training = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch tried = new java.util.concurrent.CountDownLatch(1);
        Thread first = new Thread(() -> new Trainer(REGISTRY, events).train(config(3), dir, false, false, "test",
                "cpu", () -> {
                    training.countDown();
                    try {
                        tried.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                }));
        first.start();
        training.await();
        try {
            assertThatThrownBy(() -> train(config(3), dir, true))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageContaining("run directory " + dir + " is in use by another run in this process");
        } finally {
            tried.countDown();
            first.join();
        }
        assertThat(new CheckpointStore(dir, 1).files()).hasSize(1);
    }
}
