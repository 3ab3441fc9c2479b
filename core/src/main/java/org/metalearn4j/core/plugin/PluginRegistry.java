package org.metalearn4j.core.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.dataset.DatasetProvider;
import org.metalearn4j.core.learner.AdapterProvider;
import org.metalearn4j.core.learner.LearnerProvider;
import org.metalearn4j.core.pipeline.StageProvider;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.Provider;
import org.metalearn4j.core.spi.ProviderRegistry;

/**
 * Every learner, adapter, data set, pipeline stage, backend and {@link PluginModule} found by
 * {@link ServiceLoader} on the application class path and in the JARs of a plugins directory.
 *
 * <p>Each plugin JAR gets its own {@link URLClassLoader} whose parent is the application loader, so plugins see core
 * (and must not bundle it) but not each other. A JAR that cannot be used (unreadable, a class named in its services
 * file missing, a malformed services file, nothing provided) is reported as a {@link PluginProblem} with its file name
 * and skipped as a whole; the others still load. Equal names: the highest {@link Provider#rank()} wins; at equal rank
 * the one found later is skipped and reported with both origins.
 */
public final class PluginRegistry implements ProviderRegistry, AutoCloseable {
    /** The service interfaces the registry discovers, in discovery order. */
    static final List<Class<?>> SERVICES = List.of(LearnerProvider.class, AdapterProvider.class, DatasetProvider.class,
            StageProvider.class, Backend.class, PluginModule.class);

    private final ProviderTable<LearnerProvider<?>> learners = new ProviderTable<>("learner");
    private final ProviderTable<AdapterProvider<?>> adapters = new ProviderTable<>("adapter");
    private final ProviderTable<DatasetProvider<?>> datasets = new ProviderTable<>("dataset");
    private final ProviderTable<StageProvider<?>> stages = new ProviderTable<>("stage");
    private final ProviderTable<Backend> backends = new ProviderTable<>("backend");
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
                registry.commit(scan(service, application, type -> true, null));
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                registry.problems.add(new PluginProblem("classpath", "cannot load " + service.getSimpleName()
                        + " providers: " + describe(e)));
            }
        }
        if (pluginsDir != null) {
            for (Path jar : jarsIn(pluginsDir)) {
                registry.loadJar(jar, application);
            }
        }
        return registry;
    }

    /** A registry of explicitly given providers (any of the discovered service types), e.g. for tests or embedding. */
    public static PluginRegistry of(String origin, Object... providers) {
        PluginRegistry registry = new PluginRegistry();
        List<Found> found = new ArrayList<>();
        for (Object p : providers) {
            for (Class<?> service : SERVICES) {
                if (service.isInstance(p)) {
                    found.add(Found.of(service, p, origin));
                }
            }
        }
        registry.commit(found);
        return registry;
    }

    private void loadJar(Path jar, ClassLoader parent) {
        String origin = jar.getFileName().toString();
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // Opened only to fail early on a file that is not a JAR; the class loader reopens it.
        } catch (IOException e) {
            problems.add(new PluginProblem(origin, "skipped: not a readable JAR (" + e.getMessage() + ")"));
            return;
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin:" + origin, new URL[]{jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            problems.add(new PluginProblem(origin, "skipped: " + e.getMessage()));
            return;
        }
        List<Found> found = new ArrayList<>();
        try {
            for (Class<?> service : SERVICES) {
                found.addAll(scan(service, loader, type -> type.getClassLoader() == loader, origin));
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            problems.add(new PluginProblem(origin, "skipped: " + describe(e)));
            closeQuietly(loader);
            return;
        }
        if (found.isEmpty()) {
            problems.add(new PluginProblem(origin, "skipped: provides nothing (no META-INF/services entry for any of "
                    + SERVICES.stream().map(Class::getName).toList() + ")"));
            closeQuietly(loader);
            return;
        }
        loaders.add(loader);
        pluginJars.add(jar);
        commit(found);
    }

    private static List<Found> scan(Class<?> service, ClassLoader loader, Predicate<Class<?>> accept, String origin) {
        List<Found> out = new ArrayList<>();
        ServiceLoader.load(service, loader).stream().forEach(p -> {
            Class<?> type = p.type();
            if (accept.test(type)) {
                out.add(Found.of(service, p.get(), origin == null ? codeSource(type) : origin));
            }
        });
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void commit(List<Found> found) {
        for (Found f : found) {
            if (f.service() == PluginModule.class) {
                modules.add((PluginModule) f.provider());
                continue;
            }
            String name = f.name();
            if (name == null || name.isBlank()) {
                problems.add(new PluginProblem(f.origin(), f.provider().getClass().getName() + " skipped: empty name"));
                continue;
            }
            ProviderTable table = tableFor(f.service());
            table.offer(new Discovered<>(f.provider(), name, f.rank(), f.origin()))
                    .ifPresent(p -> problems.add((PluginProblem) p));
        }
    }

    private ProviderTable<?> tableFor(Class<?> service) {
        if (service == LearnerProvider.class) {
            return learners;
        } else if (service == AdapterProvider.class) {
            return adapters;
        } else if (service == DatasetProvider.class) {
            return datasets;
        } else if (service == StageProvider.class) {
            return stages;
        }
        return backends;
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

    /** The JAR file or class directory a class was loaded from, short enough to print. */
    private static String codeSource(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "classpath";
        }
        try {
            Path p = Path.of(cs.getLocation().toURI());
            if (Files.isDirectory(p)) {
                int n = p.getNameCount();
                return p.subpath(Math.max(0, n - 3), n).toString();
            }
            return p.getFileName().toString();
        } catch (Exception e) {
            return cs.getLocation().toString();
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("; caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing of it is in use; a failure to close only leaks a file handle.
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
    public AdapterProvider<?> adapter(String name) {
        return adapters.get(name);
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
    public Collection<LearnerProvider<?>> learners() {
        return learners.all();
    }

    @Override
    public Collection<AdapterProvider<?>> adapters() {
        return adapters.all();
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

    /** Learners by name, for Guice map bindings. */
    public Map<String, LearnerProvider<?>> learnerMap() {
        return learners.asMap();
    }

    public Map<String, AdapterProvider<?>> adapterMap() {
        return adapters.asMap();
    }

    public Map<String, DatasetProvider<?>> datasetMap() {
        return datasets.asMap();
    }

    public Map<String, StageProvider<?>> stageMap() {
        return stages.asMap();
    }

    public Map<String, Backend> backendMap() {
        return backends.asMap();
    }

    @Override
    public String origin(Object provider) {
        return Stream.of(learners, adapters, datasets, stages, backends)
                .map(t -> t.originOf(provider)).flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(provider + " is not registered here"));
    }

    /** Closes the plugin class loaders; providers from plugin JARs must not be used afterwards. */
    @Override
    public void close() {
        loaders.forEach(PluginRegistry::closeQuietly);
        loaders.clear();
    }

    /** A provider as found, before it is entered into its table. */
    private record Found(Class<?> service, Object provider, String name, int rank, String origin) {
        static Found of(Class<?> service, Object provider, String origin) {
            if (provider instanceof Provider<?> p) {
                return new Found(service, provider, p.name(), p.rank(), origin);
            }
            if (provider instanceof Backend b) {
                return new Found(service, provider, b.name(), b.rank(), origin);
            }
            return new Found(service, provider, null, 0, origin);
        }
    }
}
