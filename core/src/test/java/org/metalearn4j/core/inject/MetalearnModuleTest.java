package org.metalearn4j.core.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.event.TrainingListener;
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
