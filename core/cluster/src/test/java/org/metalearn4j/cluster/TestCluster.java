package org.metalearn4j.cluster;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.metalearn4j.cluster.wire.MemberInfo;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;
import org.metalearn4j.core.train.testing.TaskwiseCentroidLearnerProvider;

/**
 * Cluster members in this JVM, each a clustered Vert.x instance with its own Hazelcast member, on 127.0.0.1 under a
 * cluster name and port range of their own, so that test runs on the same machine never meet.
 */
final class TestCluster implements AutoCloseable {
    static final PluginRegistry REGISTRY = PluginRegistry.of("test", new BlobsDatasetProvider(),
            new CentroidLearnerProvider(), new TaskwiseCentroidLearnerProvider());

    final ClusterConfig config;
    private final List<Vertx> nodes = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<Vertx> workerNodes = new ArrayList<>();
    private final java.util.Set<Vertx> left = new java.util.HashSet<>();

    TestCluster(ClusterConfig base) {
        int port = ThreadLocalRandom.current().nextInt(20_000, 40_000);
        this.config = new ClusterConfig("test-" + UUID.randomUUID().toString().substring(0, 8), base.host(), port,
                10, 0, base.members(), base.tls(), base.workers(), base.joinTimeoutSeconds(),
                base.setupTimeoutSeconds(), base.taskTimeoutSeconds(), base.whenNoWorkers(), base.assignment());
    }

    TestCluster() {
        this(ClusterConfig.defaults());
    }

    /** A new member with this cluster's configuration. */
    Node join() {
        return join(config);
    }

    /** A new member with {@code memberConfig} (e.g. other TLS settings). */
    Node join(ClusterConfig memberConfig) {
        ClusterVertxFactory factory = new ClusterVertxFactory(memberConfig, false);
        Vertx vertx = factory.create();
        nodes.add(vertx);
        return new Node(vertx, factory);
    }

    /** A worker on {@code node} computing with the test registry's providers. */
    Worker worker(Node node, String id, int threads) {
        return worker(node, WorkerSettings.of(id, "cpu", "test", threads, 10), TestCluster.REGISTRY);
    }

    Worker worker(Node node, WorkerSettings settings, PluginRegistry registry) {
        Worker w = Worker.start(node.vertx(), node.factory().membership(), registry, settings, "127.0.0.1", 30_000);
        workers.add(w);
        workerNodes.add(node.vertx());
        return w;
    }

    /** The members that answer a roll call now. */
    List<MemberInfo> rollCall(Node from) {
        return rollCall(from, Duration.ofMillis(800));
    }

    /** The members that answer a roll call within {@code wait}. */
    List<MemberInfo> rollCall(Node from, Duration wait) {
        return RollCalls.collect(from.vertx(), wait);
    }

    /** Closes {@code node} alone, as if its process ended: its workers are not told. */
    void leave(Node node) {
        left.add(node.vertx());
        node.vertx().close().await();
    }

    @Override
    public void close() {
        for (int i = 0; i < workers.size(); i++) {
            if (!left.contains(workerNodes.get(i))) {
                workers.get(i).close();
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (!left.contains(nodes.get(i))) {
                nodes.get(i).close().await();
            }
        }
    }

    /** One member. */
    record Node(Vertx vertx, ClusterVertxFactory factory) {
    }
}
