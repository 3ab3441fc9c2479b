package org.metalearn4j.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.checkpoint.CheckpointStore;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.RunFinished;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.exec.ExecutorStoppedException;
import org.metalearn4j.core.exec.LocalTaskExecutor;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.learner.TaskResult;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.TaskwiseCentroidLearnerProvider;

/**
 * The trainer's executor seam: a bound {@link TaskExecutorFactory} computes every run's tasks (the run's parameters
 * do not depend on it), an executor that gives up on a step ends the run like an interrupt, with a checkpoint of the
 * iterations done from which it resumes exactly, and the cluster section may change on resume.
 */
class ExecutorSeamTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.of("test", new BlobsDatasetProvider(),
            new TaskwiseCentroidLearnerProvider());
    private static Vertx vertx;
    private static TrainingEventBus events;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        events = new TrainingEventBus(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static RunConfig config(int iterations, String... extra) {
        List<String> sets = new ArrayList<>(List.of("dataset.name=test-blobs",
                "learner.name=" + TaskwiseCentroidLearnerProvider.NAME, "seed=3", "train.iterations=" + iterations,
                "train.metaBatch=3", "train.way=4", "train.shot=2", "train.query=5", "train.checkpointEvery=100",
                "train.evalEvery=100", "eval.way=4", "eval.shot=2", "eval.query=5", "eval.episodes=10"));
        sets.addAll(List.of(extra));
        return ConfigLoader.bind(ConfigMappers.json().createObjectNode(), sets, "test");
    }

    /** Computes tasks here, last to first, and gives up once {@code stopAt} steps are done. */
    private static final class CountingFactory implements TaskExecutorFactory {
        final List<String> runs = new ArrayList<>();
        final int stopAt;
        int steps;

        CountingFactory(int stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public TaskExecutor create(RunConfig config, RunComponents run, String source) {
            runs.add(config.learner().name() + " " + source);
            return (learner, tasks) -> {
                if (steps++ == stopAt) {
                    throw new ExecutorStoppedException("no worker left");
                }
                TaskResult[] results = new TaskResult[tasks.size()];
                for (int i = tasks.size() - 1; i >= 0; i--) {
                    results[i] = learner.computeTask(tasks.get(i).task(), tasks.get(i).index());
                }
                return List.of(results);
            };
        }
    }

    private static RunFinished train(TaskExecutorFactory executors, RunConfig config, Path dir, boolean resume) {
        return new Trainer(REGISTRY, events, executors).train(config, dir, resume, false, "test.yaml", "cpu",
                () -> false);
    }

    @Test
    void aBoundFactoryComputesTheTasksAndAStoppingExecutorEndsTheRunWithACheckpoint(@TempDir Path dir)
            throws IOException {
        RunFinished plain = new Trainer(REGISTRY, events).train(config(5), dir.resolve("plain"), false, false,
                "test.yaml", "cpu", () -> false);
        CountingFactory stopsAtThree = new CountingFactory(3);
        RunFinished stopped = train(stopsAtThree, config(5), dir.resolve("cluster"), false);

        assertThat(stopsAtThree.runs).containsExactly(TaskwiseCentroidLearnerProvider.NAME + " test.yaml");
        assertThat(stopped.interrupted()).isTrue();
        assertThat(stopped.iteration()).isEqualTo(3);
        assertThat(stopped.checkpoint()).endsWith("ckpt-00000003.ml4j");

        RunFinished resumed = train(new CountingFactory(-1), config(5, "cluster={workers: 2}"), dir.resolve("cluster"),
                true);
        assertThat(resumed.interrupted()).isFalse();
        assertThat(resumed.iteration()).isEqualTo(5);
        assertThat(state(dir.resolve("cluster"))).isEqualTo(state(dir.resolve("plain")));
        assertThat(plain.iteration()).isEqualTo(5);
    }

    @Test
    void theDefaultFactoryUsesTheLearnersOwnThreads() {
        RunConfig config = EffectiveConfig.of(config(1), REGISTRY, "test");
        RunComponents run = RunComponents.open(config, REGISTRY, "test");
        TaskExecutor executor = TaskExecutorFactory.local().create(config, run, "test");
        assertThat(executor).isNotInstanceOf(LocalTaskExecutor.class);
        assertThat(executor.computeAll((org.metalearn4j.core.learner.TaskwiseLearner) run.learner(),
                org.metalearn4j.core.exec.ScheduledTask.unseeded(List.of(run.training().sample(1))))).hasSize(1);
    }

    private static byte[] state(Path dir) throws IOException {
        StateDict state = TrainingCheckpoint.learnerState(new CheckpointStore(dir, 1).latestGood().orElseThrow()
                .checkpoint(), dir.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        state.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
