package org.metalearn4j.core.plugin;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.stream.Stream;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.nn.backbone.BackboneProvider;
import org.metalearn4j.core.nn.backbone.Conv4Provider;
import org.metalearn4j.core.nn.backbone.MlpProvider;
import org.metalearn4j.core.optim.OptimizerProvider;
import org.metalearn4j.core.optim.provider.AdamProvider;
import org.metalearn4j.core.optim.provider.RmsPropProvider;
import org.metalearn4j.core.optim.provider.SgdProvider;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * Every learner, data set, pipeline stage, backend, backbone, optimizer and {@link PluginModule} found by
 * {@link java.util.ServiceLoader} on the application class path and in the JARs of a plugins directory.
 *
 * <p>Each plugin JAR gets its own {@link URLClassLoader} whose parent is the application loader, so plugins see core
 * (and must not bundle it) but not each other. A JAR that cannot be used (unreadable, a class named in its services
 * file missing, a malformed services file, nothing provided) is reported as a {@link PluginProblem} with its file name
 * and skipped as a whole; the others still load. Equal names: the highest
 * {@link org.metalearn4j.core.spi.Provider#rank()} wins; at equal rank the one found later is skipped and reported
 * with both origins.
 */
public final class PluginRegistry implements ProviderRegistry, AutoCloseable {
    /** The service interfaces the registry discovers, in discovery order. */
    static final List<Class<?>> SERVICES = List.of(LearnerProvider.class, DatasetProvider.class, StageProvider.class,
            Backend.class, BackboneProvider.class, OptimizerProvider.class, PluginModule.class);

    private final ProviderTable<LearnerProvider<?>> learners =
            new ProviderTable<>("learner", LearnerProvider.class);
    private final ProviderTable<DatasetProvider<?>> datasets =
            new ProviderTable<>("dataset", DatasetProvider.class);
    private final ProviderTable<StageProvider<?>> stages = new ProviderTable<>("stage", StageProvider.class);
    private final ProviderTable<Backend> backends = new ProviderTable<>("backend", Backend.class);
    private final ProviderTable<BackboneProvider<?>> backbones =
            new ProviderTable<>("backbone", BackboneProvider.class);
    private final ProviderTable<OptimizerProvider<?>> optimizers =
            new ProviderTable<>("optimizer", OptimizerProvider.class);
    private final List<ProviderTable<?>> tables = List.of(learners, datasets, stages, backends, backbones,
            optimizers);
    private final List<PluginModule> modules = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final List<Path> pluginJars = new ArrayList<>();
    private final List<URLClassLoader> loaders = new ArrayList<>();

    private PluginRegistry() {
    }

    /**
     * Discovers providers on {@code application}'s class path and, if {@code pluginsDir} is not null, in every
     * {@code *.jar} directly inside it (in file-name order).
     *
     * @throws ConfigException if {@code pluginsDir} is given but is not a readable directory
     */
    public static PluginRegistry discover(ClassLoader application, Path pluginsDir) {
        PluginRegistry registry = new PluginRegistry();
        for (Class<?> service : SERVICES) {
            try {
                registry.commit(ServiceScanner.scan(service, application, type -> true, null));
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                registry.problems.add(new PluginProblem("classpath", "cannot load " + service.getSimpleName()
                        + " providers: " + ServiceScanner.describe(e)));
            }
        }
        if (pluginsDir != null) {
            for (Path jar : jarsIn(pluginsDir)) {
                ServiceScanner.JarScan scan = ServiceScanner.scanJar(jar, application, SERVICES);
                if (scan.problem() != null) {
                    registry.problems.add(scan.problem());
                } else {
                    registry.loaders.add(scan.loader());
                    registry.pluginJars.add(jar);
                    registry.commit(scan.found());
                }
            }
        }
        return registry;
    }

    /**
     * The providers on this library's own class path, without plugin JARs: discovered once, never closed. What a
     * learner built without an application's registry (tests, embedding) uses.
     */
    public static PluginRegistry classpath() {
        return ClassPath.REGISTRY;
    }

    private static final class ClassPath {
        static final PluginRegistry REGISTRY = discover(PluginRegistry.class.getClassLoader(), null);
    }

    /**
     * A registry of explicitly given providers (any of the discovered service types), e.g. for tests or embedding,
     * plus core's built-in backbones ({@code conv4}, {@code mlp}), which nearly every learner's network is built from,
     * and optimizers ({@code adam}, {@code sgd}, {@code rmsprop}); a given provider of the same name and a higher rank
     * replaces one.
     */
    public static PluginRegistry of(String origin, Object... providers) {
        PluginRegistry registry = new PluginRegistry();
        List<Discovered> found = new ArrayList<>();
        found.add(Discovered.of(BackboneProvider.class, new Conv4Provider(), "core"));
        found.add(Discovered.of(BackboneProvider.class, new MlpProvider(), "core"));
        found.add(Discovered.of(OptimizerProvider.class, new AdamProvider(), "core"));
        found.add(Discovered.of(OptimizerProvider.class, new SgdProvider(), "core"));
        found.add(Discovered.of(OptimizerProvider.class, new RmsPropProvider(), "core"));
        for (Object p : providers) {
            for (Class<?> service : SERVICES) {
                if (service.isInstance(p)) {
                    found.add(Discovered.of(service, p, origin));
                }
            }
        }
        registry.commit(found);
        return registry;
    }

    private void commit(List<Discovered> found) {
        for (Discovered d : found) {
            if (d.service() == PluginModule.class) {
                modules.add((PluginModule) d.provider());
            } else if (d.name() == null || d.name().isBlank()) {
                problems.add(new PluginProblem(d.origin(), d.provider().getClass().getName() + " skipped: empty name"));
            } else {
                tables.stream().filter(t -> t.accepts(d)).findFirst().orElseThrow()
                        .offer(d).ifPresent(problems::add);
            }
        }
    }

    private static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("pluginsDir", "'" + dir + "' is not a directory; expected a directory of plugin"
                    + " JARs");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ConfigException("pluginsDir", "cannot list '" + dir + "': " + e.getMessage(), e);
        }
    }

    /** What could not be loaded, in discovery order. */
    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    /** The Guice modules plugins (and the class path) contribute. */
    public List<PluginModule> modules() {
        return List.copyOf(modules);
    }

    /** The plugin JARs that loaded. */
    public List<Path> pluginJars() {
        return List.copyOf(pluginJars);
    }

    @Override
    public LearnerProvider<?> learner(String name) {
        return learners.get(name);
    }

    @Override
    public DatasetProvider<?> dataset(String name) {
        return datasets.get(name);
    }

    @Override
    public StageProvider<?> stage(String name) {
        return stages.get(name);
    }

    @Override
    public Backend backend(String name) {
        return backends.get(name);
    }

    @Override
    public BackboneProvider<?> backbone(String name) {
        return backbones.get(name);
    }

    @Override
    public OptimizerProvider<?> optimizer(String name) {
        return optimizers.get(name);
    }

    @Override
    public Collection<LearnerProvider<?>> learners() {
        return learners.all();
    }

    @Override
    public Collection<DatasetProvider<?>> datasets() {
        return datasets.all();
    }

    @Override
    public Collection<StageProvider<?>> stages() {
        return stages.all();
    }

    @Override
    public Collection<Backend> backends() {
        return backends.all();
    }

    @Override
    public Collection<BackboneProvider<?>> backbones() {
        return backbones.all();
    }

    @Override
    public Collection<OptimizerProvider<?>> optimizers() {
        return optimizers.all();
    }

    /** Where a provider came from: a JAR file name, or {@code classpath}. */
    public String origin(Object provider) {
        return tables.stream().map(t -> t.originOf(provider)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(provider + " is not registered here"));
    }

    /**
     * When plugin code is on the stack of {@code failure} (or of one of its causes): a description naming the plugin
     * JAR, the providers it contributes, the plugin's innermost frame and the exception, e.g.
     * {@code plugin nearest-mean.jar (learner 'nearest-mean') failed at example.NearestMean.step(NearestMean.java:40):
     * NullPointerException: Cannot invoke ...}. Frames are matched by their class loader's name, which
     * {@link ServiceScanner} sets to {@code plugin:JAR}, so this works after {@link #close()} too.
     */
    @Override
    public Optional<String> blame(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String loader = frame.getClassLoaderName();
                if (loader != null && loader.startsWith(ServiceScanner.PLUGIN_LOADER_PREFIX)) {
                    String jar = loader.substring(ServiceScanner.PLUGIN_LOADER_PREFIX.length());
                    List<String> names = tables.stream().flatMap(table -> table.namesFrom(jar).stream()).toList();
                    String message = t.getMessage();
                    return Optional.of("plugin " + jar + (names.isEmpty() ? "" : " (" + String.join(", ", names)
                            + ")") + " failed at " + frame.getClassName() + "." + frame.getMethodName() + "("
                            + frame.getFileName() + ":" + frame.getLineNumber() + "): " + t.getClass().getSimpleName()
                            + (message == null ? "" : ": " + message));
                }
            }
        }
        return Optional.empty();
    }

    /** Closes the plugin class loaders; providers from plugin JARs must not be used afterwards. */
    @Override
    public void close() {
        loaders.forEach(ServiceScanner::closeQuietly);
        loaders.clear();
    }
}
