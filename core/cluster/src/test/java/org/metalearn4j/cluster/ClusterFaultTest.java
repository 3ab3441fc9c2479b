package org.metalearn4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.StepEvent;

/**
 * Workers that fail during a run: one that answers with arrays of another shape, one that answers NaN where this
 * process computes finite numbers, and one that does not answer at all are each dropped with a message and their
 * tasks computed elsewhere; a worker whose process leaves the cluster mid-run likewise. No task is lost or counted
 * twice (the parameters are the local run's, bit for bit), and when no worker is left the run goes on here or stops
 * with the iterations done, as configured.
 */
class ClusterFaultTest {
    private static TestCluster cluster;
    private static TestCluster.Node coordinator;
    private static TestCluster.Node workers;

    @BeforeAll
    static void start() {
        cluster = new TestCluster();
        coordinator = cluster.join();
        workers = cluster.join();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static RunConfig config(int iterations, int workerCount, String whenNoWorkers) {
        return Runs.config(iterations, 6, "cluster.workers=" + workerCount, "cluster.joinTimeoutSeconds=30",
                "cluster.taskTimeoutSeconds=2", "cluster.whenNoWorkers=" + whenNoWorkers);
    }

    @Test
    void workersAnsweringWrongShapesOrNaNAreDroppedAndTheirTasksRedone() {
        Worker good = cluster.worker(workers, "w-good", 1);
        try (FakeWorker shapes = new FakeWorker(workers, "w-shapes", FakeWorker.Fault.WRONG_SHAPE);
             FakeWorker nan = new FakeWorker(workers, "w-nan", FakeWorker.Fault.NAN)) {
            RunConfig config = config(3, 3, "stop");
            Runs.Outcome there = Runs.train(config, Runs.on(coordinator), e -> { });
            assertThat(there.state()).isEqualTo(Runs.local(config).state());
            assertThat(there.workerTasks()).containsOnlyKeys("w-good");
            assertThat(shapes.orders.get()).isPositive();
            assertThat(nan.orders.get()).isPositive();
            assertThat(shapes.dismissal).contains("answered task").contains("'grad' of shape [4, 8]");
            assertThat(nan.dismissal).contains("NaN in 'grad'").contains("this process computes it");
            assertThat(there.stats().resent()).isPositive();
        } finally {
            good.close();
        }
    }

    @Test
    void aWorkerThatDoesNotAnswerIsDroppedAfterTheTaskTimeout() {
        Worker good = cluster.worker(workers, "w-steady", 1);
        try (FakeWorker silent = new FakeWorker(workers, "w-silent", FakeWorker.Fault.SILENT)) {
            RunConfig config = config(3, 2, "stop");
            Runs.Outcome there = Runs.train(config, Runs.on(coordinator), e -> { });
            assertThat(there.state()).isEqualTo(Runs.local(config).state());
            assertThat(silent.dismissal).contains("did not answer task").contains("within 2.0 s");
            assertThat(there.workerTasks()).containsOnlyKeys("w-steady");
        } finally {
            good.close();
        }
    }

    @Test
    void aWorkerWhoseProcessLeavesMidRunIsReplacedByTheOthers() {
        TestCluster.Node doomed = cluster.join();
        cluster.worker(doomed, "w-doomed", 2);
        Worker good = cluster.worker(workers, "w-survivor", 1);
        try {
            RunConfig config = config(5, 2, "stop");
            Runs.Outcome there = Runs.train(config, Runs.on(coordinator), event -> {
                if (event instanceof StepEvent s && s.iteration() == 2) {
                    cluster.leave(doomed);
                }
            });
            assertThat(there.state()).isEqualTo(Runs.local(config).state());
            assertThat(there.result().iteration()).isEqualTo(5);
            assertThat(there.workerTasks()).containsOnlyKeys("w-survivor");
        } finally {
            good.close();
        }
    }

    @Test
    void withNoWorkerLeftTheRunContinuesHereWhenToldTo() {
        Worker only = cluster.worker(workers, "w-only", 1);
        RunConfig config = config(5, 1, "local");
        Runs.Outcome there = Runs.train(config, Runs.on(coordinator), event -> {
            if (event instanceof StepEvent s && s.iteration() == 2) {
                only.close();
            }
        });
        assertThat(there.result().interrupted()).isFalse();
        assertThat(there.state()).isEqualTo(Runs.local(config).state());
        assertThat(there.stats().localTasks()).isGreaterThanOrEqualTo(3 * 6);
    }

    @Test
    void withNoWorkerLeftTheRunStopsAfterTheIterationsDoneWhenToldTo() {
        Worker only = cluster.worker(workers, "w-last", 1);
        RunConfig config = config(5, 1, "stop");
        Runs.Outcome there = Runs.train(config, Runs.on(coordinator), event -> {
            if (event instanceof StepEvent s && s.iteration() == 2) {
                only.close();
            }
        });
        assertThat(there.result().interrupted()).isTrue();
        assertThat(there.result().iteration()).isEqualTo(2);
        RunConfig twoIterations = config(2, 1, "stop");
        assertThat(there.state()).isEqualTo(Runs.local(twoIterations).state());
    }

    @Test
    void aRunThatMustStopWithoutWorkersRefusesToStartWithNone() {
        RunConfig config = Runs.config(2, 3, "cluster.workers=1", "cluster.joinTimeoutSeconds=1",
                "cluster.whenNoWorkers=stop");
        assertThatThrownBy(() -> Runs.train(config, Runs.on(coordinator), e -> { }))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("no worker joined cluster '" + cluster.config.name() + "' within 1 s")
                .hasMessageContaining("cluster.whenNoWorkers: local");
    }
}
