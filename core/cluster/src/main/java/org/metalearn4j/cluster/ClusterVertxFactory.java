package org.metalearn4j.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import org.metalearn4j.core.event.VertxFactory;
import org.metalearn4j.core.spi.ConfigException;

/**
 * A {@link VertxFactory} whose instance joins the Hazelcast cluster a {@link ClusterConfig} describes, its event bus
 * on the configured host (TLS when configured). Bind it in Guice ({@link ClusterModule}) and the application's one
 * Vert.x instance, and with it every event, is clustered.
 */
public final class ClusterVertxFactory implements VertxFactory {
    static {
        // Vert.x's DNS resolver would open a UDP socket on 0.0.0.0; the cluster binds to its host only. Read whenever
        // an instance is built, so setting it before the first clustered one suffices.
        System.setProperty("vertx.disableDnsResolver", "true");
    }

    private final ClusterConfig config;
    private final boolean lite;
    private volatile ClusterMembership membership;

    /**
     * @param lite join as a member that holds no cluster data, for short visits such as {@code cluster status}
     */
    public ClusterVertxFactory(ClusterConfig config, boolean lite) {
        this.config = config;
        this.lite = lite;
    }

    /**
     * Joins the cluster; blocks until joined.
     *
     * @throws ConfigException  naming the key when a port is in use or the TLS key store cannot be used
     * @throws ClusterException when joining fails otherwise
     */
    @Override
    public Vertx create() {
        VertxOptions options = new VertxOptions();
        EventBusOptions bus = options.getEventBusOptions().setHost(config.host()).setClusterPublicHost(config.host())
                .setPort(config.eventBusPort());
        EventBusTls.apply(bus, config.tls());
        if (config.portCount() == 1) {
            requireFree("cluster.port", config.port());
        }
        if (config.eventBusPort() > 0) {
            requireFree("cluster.eventBusPort", config.eventBusPort());
        }
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.of(config, lite));
        Vertx vertx;
        try {
            vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered().toCompletionStage()
                    .toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while joining cluster '" + config.name() + "'", e);
        } catch (ExecutionException e) {
            throw new ClusterException("cannot join cluster '" + config.name() + "' on " + config.host() + " (ports "
                    + config.port() + "-" + (config.port() + config.portCount() - 1) + "): " + e.getCause(),
                    e.getCause());
        }
        membership = new ClusterMembership(manager.getHazelcastInstance(), manager.getNodeId());
        return vertx;
    }

    /** Who is in the cluster; available once {@link #create()} has joined. */
    public ClusterMembership membership() {
        if (membership == null) {
            throw new IllegalStateException("not joined yet: create() the Vert.x instance first");
        }
        return membership;
    }

    /** The configuration this factory joins with. */
    public ClusterConfig config() {
        return config;
    }

    private void requireFree(String key, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(config.host()), port));
        } catch (IOException e) {
            throw new ConfigException(key, "port " + port + " on " + config.host() + " is in use (" + e.getMessage()
                    + "); choose another, or let it pick one (" + (key.endsWith("eventBusPort") ? "eventBusPort: 0"
                    : "portCount above 1") + ")", e);
        }
    }
}
