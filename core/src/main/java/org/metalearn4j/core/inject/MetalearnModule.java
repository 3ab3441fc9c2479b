package org.metalearn4j.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Objects;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.event.TrainingListener;
import org.metalearn4j.core.learner.AdapterProvider;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.plugin.PluginModule;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * Wires an application from a {@link PluginRegistry}: the registry itself, name-keyed {@link MapBinder}s of every
 * provider kind ({@code Map<String, LearnerProvider<?>>} and so on), the set of extra {@link TrainingListener}s, the
 * Vert.x instance and its training event bus, and every {@link PluginModule} the registry found.
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
        bind(PluginRegistry.class).toInstance(registry);
        bind(ProviderRegistry.class).toInstance(registry);
        bindAll(new TypeLiteral<LearnerProvider<?>>() { }, registry.learnerMap());
        bindAll(new TypeLiteral<AdapterProvider<?>>() { }, registry.adapterMap());
        bindAll(new TypeLiteral<DatasetProvider<?>>() { }, registry.datasetMap());
        bindAll(new TypeLiteral<StageProvider<?>>() { }, registry.stageMap());
        bindAll(new TypeLiteral<Backend>() { }, registry.backendMap());
        // Declared even when empty so that injecting Set<TrainingListener> works without any plugin.
        Multibinder.newSetBinder(binder(), TrainingListener.class);
        for (PluginModule module : registry.modules()) {
            install(module);
        }
    }

    private <T> void bindAll(TypeLiteral<T> type, Map<String, T> providers) {
        MapBinder<String, T> map = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), type);
        providers.forEach((name, p) -> map.addBinding(name).toInstance(p));
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
