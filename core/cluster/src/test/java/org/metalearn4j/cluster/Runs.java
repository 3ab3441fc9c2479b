package org.metalearn4j.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.config.ConfigLoader;
import org.metalearn4j.core.config.ConfigMappers;
import org.metalearn4j.core.config.EffectiveConfig;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.EventPublisher;
import org.metalearn4j.core.exec.TaskExecutor;
import org.metalearn4j.core.state.StateDict;
import org.metalearn4j.core.train.LoopPlan;
import org.metalearn4j.core.train.LoopResult;
import org.metalearn4j.core.train.LoopStart;
import org.metalearn4j.core.train.MetaTrainingLoop;
import org.metalearn4j.core.train.RunComponents;
import org.metalearn4j.core.train.TaskExecutorFactory;

/** Short training runs of the float64 task-by-task centroid learner on Gaussian blobs, here or on a cluster. */
final class Runs {
    private Runs() {
    }

    /**
     * What a run ended with.
     *
     * @param result      the loop's result
     * @param state       the learner's final state, serialised
     * @param workerTasks tasks each worker in use at the end computed (cluster runs)
     * @param stats       the cluster traffic (cluster runs)
     */
    record Outcome(LoopResult result, byte[] state, Map<String, Long> workerTasks, ClusterStats.Snapshot stats) {
    }

    /** A run configuration: {@code iterations} meta-batches of {@code metaBatch} 4-way 2-shot tasks, plus overrides. */
    static RunConfig config(int iterations, int metaBatch, String... overrides) {
        List<String> sets = new ArrayList<>(List.of("dataset.name=test-blobs",
                "learner.name=test-centroid-taskwise", "seed=5", "train.iterations=" + iterations,
                "train.metaBatch=" + metaBatch, "train.way=4", "train.shot=2", "train.query=5", "eval.way=4",
                "eval.shot=2", "eval.query=5"));
        sets.addAll(List.of(overrides));
        return EffectiveConfig.of(ConfigLoader.bind(ConfigMappers.json().createObjectNode(), sets, "test"),
                TestCluster.REGISTRY, "test");
    }

    /** Trains in this process. */
    static Outcome local(RunConfig config) {
        return train(config, TaskExecutorFactory.local(), EventPublisher.NONE);
    }

    /** Trains with the executor {@code executors} makes, publishing the loop's events to {@code events}. */
    static Outcome train(RunConfig config, TaskExecutorFactory executors, EventPublisher events) {
        RunComponents run = RunComponents.open(config, TestCluster.REGISTRY, "test");
        LoopPlan plan = LoopPlan.of(config.train().iterations(), config.train().metaBatch(), config.seed());
        try (TaskExecutor executor = executors.create(config, run, "test")) {
            LoopResult result = new MetaTrainingLoop(run.learner(), run.training(), plan, run.metric())
                    .executor(executor).events(events).run(LoopStart.fresh(), () -> false);
            return executor instanceof ClusterTaskExecutor c
                    ? new Outcome(result, bytes(run.learner().state()), c.workerTasks(), c.stats())
                    : new Outcome(result, bytes(run.learner().state()), Map.of(), null);
        }
    }

    /** The cluster executor factory of a coordinator on {@code node}. */
    static TaskExecutorFactory on(TestCluster.Node node) {
        return new ClusterExecutorFactory(node.vertx(), node.factory(), TestCluster.REGISTRY);
    }

    static byte[] bytes(StateDict state) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            state.write(new DataOutputStream(out));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
