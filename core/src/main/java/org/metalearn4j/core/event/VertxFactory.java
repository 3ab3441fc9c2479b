package org.metalearn4j.core.event;

import io.vertx.core.Vertx;

/**
 * Makes the application's one {@link Vertx} instance, and with it the event bus every event travels on. The default,
 * {@link #local()}, is an in-process instance; a plugin or an embedding application binds a clustered one instead
 * (e.g. {@code Vertx.builder().withClusterManager(manager).buildClustered().await()}) through Guice:
 * {@code OptionalBinder.newOptionalBinder(binder(), VertxFactory.class).setBinding().toInstance(factory)} in its
 * {@link org.metalearn4j.core.plugin.PluginModule}. Event types get a JSON wire codec when they are registered, so
 * every built-in event can cross the cluster.
 */
@FunctionalInterface
public interface VertxFactory {

    /** Called once per application; may block until a clustered instance has joined its cluster. */
    Vertx create();

    /** A plain in-process Vert.x instance with default options. */
    static VertxFactory local() {
        return Vertx::vertx;
    }
}
