package org.metalearn4j.core.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.event.EventPublisher;
import org.metalearn4j.core.event.EventSubscription;
import org.metalearn4j.core.event.EventType;
import org.metalearn4j.core.event.PipelineEvents;
import org.metalearn4j.core.event.StageFinished;
import org.metalearn4j.core.event.StepEvent;
import org.metalearn4j.core.event.TrainingEventBus;
import org.metalearn4j.core.event.TrainingListener;
import org.metalearn4j.core.event.TypedEventBus;
import org.metalearn4j.core.event.VertxFactory;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.plugin.PluginModule;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.plugin.TestJars;
import org.metalearn4j.core.spi.ProviderRegistry;
import org.metalearn4j.core.train.Trainer;
import org.metalearn4j.core.train.testing.BlobsDatasetProvider;
import org.metalearn4j.core.train.testing.CentroidLearnerProvider;

class MetalearnModuleTest {

    @Test
    void bindsTheRegistryAndTheTrainer() {
        PluginRegistry registry = PluginRegistry.of("test", new BlobsDatasetProvider(), new CentroidLearnerProvider());
        Injector injector = Guice.createInjector(new MetalearnModule(registry));
        try {
            ProviderRegistry providers = injector.getInstance(ProviderRegistry.class);
            assertThat(providers).isSameAs(registry);
            assertThat(providers.learner("test-centroid")).isInstanceOf(CentroidLearnerProvider.class);
            assertThat(providers.dataset("test-blobs")).isInstanceOf(BlobsDatasetProvider.class);
            assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<TrainingListener>>() { }))).isEmpty();
            assertThat(injector.getInstance(Trainer.class)).isNotNull();
        } finally {
            injector.getInstance(Vertx.class).close().await();
        }
    }

    /** A plugin's own event, published by a plugin and carried by the application's bus. */
    public record PluginEvent(int value) {
    }

    @Test
    void aPluginModuleReplacesTheVertxFactoryAndAddsEventTypes() {
        AtomicInteger created = new AtomicInteger();
        Vertx[] made = new Vertx[1];
        PluginModule plugin = new PluginTestModule(() -> {
            created.incrementAndGet();
            made[0] = Vertx.vertx();
            return made[0];
        });
        Injector injector = Guice.createInjector(new MetalearnModule(PluginRegistry.of("test", plugin)));
        try {
            TypedEventBus bus = injector.getInstance(TypedEventBus.class);
            assertThat(injector.getInstance(Vertx.class)).isSameAs(made[0]);
            assertThat(injector.getInstance(TrainingEventBus.class)).isSameAs(injector.getInstance(
                    TrainingEventBus.class));
            assertThat(created).hasValue(1);
            assertThat(injector.getInstance(EventPublisher.class)).isSameAs(bus);
            assertThat(bus.typeOf(PluginEvent.class).address()).isEqualTo("test.plugin.event");
            assertThat(bus.typeOf(StageFinished.class).address()).isEqualTo(PipelineEvents.STAGE_FINISHED);
            assertThat(bus.typeOf(StepEvent.class).address()).isEqualTo(TrainingEventBus.STEP);

            List<Integer> seen = new ArrayList<>();
            EventSubscription sub = bus.subscriber("test").on(PluginEvent.class, e -> seen.add(e.value())).subscribe();
            bus.publish(new PluginEvent(7));
            assertThat(sub.drain(Duration.ofSeconds(10))).isTrue();
            assertThat(seen).containsExactly(7);
        } finally {
            injector.getInstance(Vertx.class).close().await();
        }
    }

    @Test
    void withoutAPluginTheVertxInstanceIsLocal() {
        Injector injector = Guice.createInjector(new MetalearnModule(PluginRegistry.of("test")));
        try {
            assertThat(injector.getInstance(Vertx.class).isClustered()).isFalse();
        } finally {
            injector.getInstance(Vertx.class).close().await();
        }
    }

    /** What a clustering plugin does: binds its own factory and contributes an event type. */
    private static final class PluginTestModule extends AbstractModule implements PluginModule {
        private final VertxFactory factory;

        PluginTestModule(VertxFactory factory) {
            this.factory = factory;
        }

        @Override
        protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), VertxFactory.class).setBinding().toInstance(factory);
            Multibinder.newSetBinder(binder(), new TypeLiteral<EventType<?>>() { }).addBinding()
                    .toInstance(EventType.of("test.plugin.event", PluginEvent.class));
        }
    }

    @Test
    void installsThePluginModulesOfJars(@TempDir Path plugins) {
        String listener = """
                package q;
                public class JarListener implements org.metalearn4j.core.event.TrainingListener { }
                """;
        String module = """
                package q;
                public class JarModule extends com.google.inject.AbstractModule
                        implements org.metalearn4j.core.plugin.PluginModule {
                    @Override protected void configure() {
                        com.google.inject.multibindings.Multibinder
                                .newSetBinder(binder(), org.metalearn4j.core.event.TrainingListener.class)
                                .addBinding().to(JarListener.class);
                    }
                }
                """;
        TestJars.build(plugins.resolve("listener.jar"), Map.of("q.JarListener", listener, "q.JarModule", module),
                Map.of("META-INF/services/" + PluginModule.class.getName(), TestJars.services("q.JarModule")));
        try (PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), plugins)) {
            assertThat(registry.problems()).isEmpty();
            Injector injector = Guice.createInjector(new MetalearnModule(registry));
            Set<TrainingListener> listeners = injector.getInstance(
                    Key.get(new TypeLiteral<Set<TrainingListener>>() { }));
            assertThat(listeners).singleElement().extracting(l -> l.getClass().getName()).isEqualTo("q.JarListener");
        }
    }
}
