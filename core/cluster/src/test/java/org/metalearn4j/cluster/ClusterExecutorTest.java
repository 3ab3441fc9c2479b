package org.metalearn4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metalearn4j.cluster.wire.MemberInfo;
import org.metalearn4j.core.config.RunConfig;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;
import org.metalearn4j.core.train.testing.TaskwiseCentroidLearnerProvider;

/**
 * A coordinator and two workers (1 and 2 task threads) in this JVM, each a member of one loopback cluster: runs
 * trained on the cluster end with the parameters of runs trained here, bit for bit (float64), whichever way tasks are
 * handed out, whether episodes are regenerated or travel, and when a worker joins mid-run; workers of another version
 * or without the learner are refused at join time with the reason.
 */
class ClusterExecutorTest {
    private static TestCluster cluster;
    private static TestCluster.Node coordinator;
    private static TestCluster.Node workers;

    @BeforeAll
    static void start() {
        cluster = new TestCluster();
        coordinator = cluster.join();
        workers = cluster.join();
        cluster.worker(workers, "w-one", 1);
        cluster.worker(workers, "w-two", 2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String[] awaiting(int count, String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of("cluster.workers=" + count,
                "cluster.joinTimeoutSeconds=30", "cluster.taskTimeoutSeconds=20", "cluster.whenNoWorkers=stop"));
        sets.addAll(List.of(more));
        return sets.toArray(String[]::new);
    }

    @Test
    void weightedRunEndsWithTheLocalRunsParametersAndFetchesThemOncePerIterationAndWorker() {
        RunConfig config = Runs.config(4, 7, awaiting(2));
        Runs.Outcome here = Runs.local(config);
        Runs.Outcome there = Runs.train(config, Runs.on(coordinator), e -> { });

        assertThat(there.state()).isEqualTo(here.state());
        assertThat(there.result().iteration()).isEqualTo(4);
        assertThat(there.workerTasks()).containsOnlyKeys("w-one", "w-two");
        assertThat(there.workerTasks().values()).allSatisfy(n -> assertThat(n).isPositive());
        // the first task of the run is computed here, as the reference for the shapes of every result
        assertThat(there.stats().remoteTasks()).isEqualTo(4 * 7 - 1);
        assertThat(there.stats().localTasks()).isEqualTo(1);
        assertThat(there.stats().stateQueries()).isBetween(4L, 8L);
        assertThat(there.stats().resent()).isZero();
    }

    @Test
    void sharedAddressRunEndsWithTheLocalRunsParameters() {
        RunConfig config = Runs.config(3, 6, awaiting(2, "cluster.assignment=shared"));
        assertThat(Runs.train(config, Runs.on(coordinator), e -> { }).state()).isEqualTo(Runs.local(config).state());
    }

    @Test
    void aWorkerWithoutTheDataSetGetsTheExamplesWithEachTask() {
        PluginRegistry noData = PluginRegistry.of("no data", new CentroidLearnerProvider(),
                new TaskwiseCentroidLearnerProvider());
        Worker blind = cluster.worker(workers, WorkerSettings.of("w-no-data", "cpu", "test", 1, 1000), noData);
        try {
            RunConfig config = Runs.config(3, 6, awaiting(3));
            Runs.Outcome there = Runs.train(config, Runs.on(coordinator), e -> { });
            assertThat(there.state()).isEqualTo(Runs.local(config).state());
            assertThat(there.workerTasks()).containsKey("w-no-data");
            assertThat(blind.tasksDone()).isPositive();
        } finally {
            blind.close();
        }
    }

    @Test
    void aWorkerJoiningDuringTheRunComputesTasksOfLaterMetaBatches() {
        AtomicReference<Worker> late = new AtomicReference<>();
        RunConfig config = Runs.config(20, 6, awaiting(2));
        try {
            Runs.Outcome there = Runs.train(config, Runs.on(coordinator), event -> {
                if (event instanceof StepEvent s && s.iteration() == 1) {
                    late.set(cluster.worker(workers, "w-late", 1));
                }
            });
            assertThat(there.state()).isEqualTo(Runs.local(config).state());
            assertThat(late.get().tasksDone()).isPositive();
        } finally {
            if (late.get() != null) {
                late.get().close();
            }
        }
    }

    @Test
    void workersOfAnotherVersionOrWithoutTheLearnerAreRefusedWithTheReason() {
        Worker old = cluster.worker(workers, WorkerSettings.of("w-old", "cpu", "test", 1, 1000)
                .withVersions("0.0.1-old", "1.0.0-M2.1"), TestCluster.REGISTRY);
        Worker noLearner = cluster.worker(workers, WorkerSettings.of("w-no-learner", "cpu", "test", 1, 1000),
                PluginRegistry.of("data only", new BlobsDatasetProvider()));
        try {
            RunConfig config = Runs.config(2, 6, awaiting(2));
            Runs.Outcome there = Runs.train(config, Runs.on(coordinator), e -> { });
            assertThat(there.state()).isEqualTo(Runs.local(config).state());
            assertThat(there.workerTasks()).containsOnlyKeys("w-one", "w-two");
            assertThat(old.tasksDone()).isZero();
            assertThat(noLearner.tasksDone()).isZero();
        } finally {
            old.close();
            noLearner.close();
        }
    }

    @Test
    void aRollCallListsTheWorkersWithBackendThreadsAndTasksDone() {
        List<MemberInfo> members = cluster.rollCall(coordinator);
        assertThat(members).extracting(MemberInfo::id).contains("w-one", "w-two");
        MemberInfo two = members.stream().filter(m -> m.id().equals("w-two")).findFirst().orElseThrow();
        assertThat(two.role()).isEqualTo(MemberInfo.WORKER);
        assertThat(two.backend()).isEqualTo("cpu");
        assertThat(two.threads()).isEqualTo(2);
        assertThat(two.learners()).contains(TaskwiseCentroidLearnerProvider.NAME);
        assertThat(two.node()).isEqualTo(workers.factory().membership().nodeId());
    }
}
