package org.metalearn4j.core.event;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A running subscription of {@link TypedEventBus}: wait for it to catch up with the publisher, or end it. */
public final class EventSubscription implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final String deploymentId;
    private final Context context;
    private final String name;

    EventSubscription(Vertx vertx, String deploymentId, Context context, String name) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.context = context;
        this.name = name;
    }

    /**
     * Blocks until this subscription has handled every event published (from this process) before the call. Its
     * context runs tasks in the order they were queued, and each event was queued there when it was published, so a
     * task queued now runs after all of them.
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean drain(Duration timeout) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        context.runOnContext(v -> reached.complete(null));
        return Completion.within(reached, timeout);
    }

    /** Stops receiving; returns once no handler of this subscription runs any more. */
    @Override
    public void close() {
        // Closing Vert.x undeploys everything; a subscription closed after that has nothing left to stop.
        if (vertx.deploymentIDs().contains(deploymentId)) {
            TypedEventBus.await(vertx.undeploy(deploymentId), CLOSE_TIMEOUT, "unsubscribing " + name);
        }
    }
}
