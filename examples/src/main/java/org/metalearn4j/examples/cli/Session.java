package org.metalearn4j.examples.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.metalearn4j.core.event.TrainingListener;
import org.metalearn4j.core.inject.MetalearnModule;
import org.metalearn4j.core.plugin.PluginRegistry;
import org.metalearn4j.core.spi.ConfigException;

/**
 * What one command works with: the providers discovered on the class path and in the plugins directory, wired by
 * Guice. Plugin problems are printed as warnings; the rest of the plugins stay usable.
 */
final class Session implements AutoCloseable {
    private final PluginRegistry registry;
    private final Injector injector;
    private boolean wired;

    private Session(PluginRegistry registry, List<Module> extra) {
        this.registry = registry;
        List<Module> modules = new ArrayList<>(List.of(new MetalearnModule(registry)));
        modules.addAll(extra);
        this.injector = Guice.createInjector(modules);
    }

    /**
     * @param extra further bindings, e.g. a cluster's ({@code ClusterModule}: a clustered Vert.x instance, tasks
     *              computed by workers)
     */
    static Session open(Path pluginsDir, PrintStream err, Module... extra) {
        PluginRegistry registry = PluginRegistry.discover(MetalearnCli.class.getClassLoader(), pluginsDir);
        registry.problems().forEach(p -> err.println("warning: plugin " + p));
        err.flush();
        return new Session(registry, List.of(extra));
    }

    PluginRegistry registry() {
        return registry;
    }

    /** An object wired by Guice, e.g. the {@link org.metalearn4j.core.train.Trainer}. */
    <T> T get(Class<T> type) {
        wired = true;
        return injector.getInstance(type);
    }

    /**
     * {@code e}, or, when plugin code threw it, the same failure described as the plugin's
     * ({@link PluginRegistry#blame}); configuration errors stay as they are, they already name the field.
     */
    RuntimeException explain(RuntimeException e) {
        if (e instanceof ConfigException) {
            return e;
        }
        return registry.blame(e).<RuntimeException>map(line -> new IllegalStateException(line, e)).orElse(e);
    }

    /** Listeners contributed by plugin modules. */
    Set<TrainingListener> pluginListeners() {
        return injector.getInstance(Key.get(new TypeLiteral<Set<TrainingListener>>() { }));
    }

    @Override
    public void close() {
        // Guice creates Vert.x on first use; closing it unasked would start it just to stop it.
        if (wired) {
            injector.getInstance(Vertx.class).close().await();
        }
        registry.close();
    }
}
