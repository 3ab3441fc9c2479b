package org.metalearn4j.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.vertx.core.Vertx;
import java.util.Objects;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.event.TrainingListener;
import org.metalearn4j.core.plugin.PluginModule;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * Wires an application from a {@link PluginRegistry}: the registry as the {@link ProviderRegistry} (providers by
 * kind and name), the set of extra {@link TrainingListener}s, the Vert.x instance and its training event bus, and
 * every {@link PluginModule} the registry found.
 *
 * <p>The {@link Vertx} instance is a singleton the caller closes (get it from the injector) when done.
 */
public final class MetalearnModule extends AbstractModule {
    private final PluginRegistry registry;

    public MetalearnModule(PluginRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    protected void configure() {
        bind(ProviderRegistry.class).toInstance(registry);
        // Declared even when empty so that injecting Set<TrainingListener> works without any plugin.
        Multibinder.newSetBinder(binder(), TrainingListener.class);
        for (PluginModule module : registry.modules()) {
            install(module);
        }
    }

    @Provides
    @Singleton
    Vertx vertx() {
        return Vertx.vertx();
    }

    @Provides
    @Singleton
    TrainingEventBus trainingEventBus(Vertx vertx) {
        return new TrainingEventBus(vertx);
    }
}
