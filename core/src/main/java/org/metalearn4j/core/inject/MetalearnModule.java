package org.metalearn4j.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.Set;
import org.metalearn4j.core.event.EventPublisher;
import org.metalearn4j.core.event.EventType;
import org.metalearn4j.core.event.PipelineEvents;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.event.TrainingListener;
import org.metalearn4j.core.event.TypedEventBus;
import org.metalearn4j.core.event.VertxFactory;
import org.metalearn4j.core.plugin.PluginModule;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.train.TaskExecutorFactory;

/**
 * Wires an application from a {@link PluginRegistry}: the registry as the {@link ProviderRegistry} (providers by
 * kind and name), the set of extra {@link TrainingListener}s, the Vert.x instance, the event bus with every registered
 * {@link EventType} and the training events on it, and every {@link PluginModule} the registry found.
 *
 * <p>Plugin modules extend three seams here: {@code Multibinder<EventType<?>>} adds event types (the training and
 * pipeline ones are bound the same way), {@code OptionalBinder<VertxFactory>} replaces the local Vert.x instance,
 * e.g. with a clustered one, and {@code OptionalBinder<TaskExecutorFactory>} decides where the training runs'
 * tasks are computed (in this process by default). The {@link Vertx} instance is a singleton the caller closes (get
 * it from the injector) when done.
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
        Multibinder<EventType<?>> eventTypes = Multibinder.newSetBinder(binder(), new TypeLiteral<EventType<?>>() { });
        TrainingEventBus.TYPES.forEach(t -> eventTypes.addBinding().toInstance(t));
        PipelineEvents.TYPES.forEach(t -> eventTypes.addBinding().toInstance(t));
        OptionalBinder.newOptionalBinder(binder(), VertxFactory.class).setDefault().toInstance(VertxFactory.local());
        OptionalBinder.newOptionalBinder(binder(), TaskExecutorFactory.class).setDefault()
                .toInstance(TaskExecutorFactory.local());
        bind(EventPublisher.class).to(TypedEventBus.class);
        for (PluginModule module : registry.modules()) {
            install(module);
        }
    }

    @Provides
    @Singleton
    Vertx vertx(VertxFactory factory) {
        return factory.create();
    }

    @Provides
    @Singleton
    TypedEventBus eventBus(Vertx vertx, Set<EventType<?>> types) {
        TypedEventBus bus = new TypedEventBus(vertx);
        types.forEach(bus::register);
        return bus;
    }

    @Provides
    @Singleton
    TrainingEventBus trainingEventBus(TypedEventBus bus) {
        return new TrainingEventBus(bus);
    }
}
