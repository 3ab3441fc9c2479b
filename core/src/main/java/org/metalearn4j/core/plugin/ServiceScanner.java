package org.metalearn4j.core.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.jar.JarFile;

/** Runs {@link ServiceLoader} over the class path or one plugin JAR and turns every failure into a message. */
final class ServiceScanner {
    /** A plugin JAR's class loader is named this plus the JAR's file name; stack frames carry the name. */
    static final String PLUGIN_LOADER_PREFIX = "plugin:";
    private ServiceScanner() {
    }

    /**
     * A plugin JAR's outcome: its class loader and what it provides, or why it is skipped.
     *
     * @param loader  the JAR's own loader (null when skipped; then already closed)
     * @param found   what it provides
     * @param problem why it is skipped, or null
     */
    record JarScan(URLClassLoader loader, List<Discovered> found, PluginProblem problem) {
    }

    /** Everything of {@code service} visible from {@code loader} whose class {@code accept}s. */
    static List<Discovered> scan(Class<?> service, ClassLoader loader, Predicate<Class<?>> accept, String origin) {
        List<Discovered> out = new ArrayList<>();
        ServiceLoader.load(service, loader).stream().forEach(p -> {
            Class<?> type = p.type();
            if (accept.test(type)) {
                out.add(Discovered.of(service, p.get(), origin == null ? codeSource(type) : origin));
            }
        });
        return out;
    }

    /**
     * Loads {@code jar} through a new {@link URLClassLoader} whose parent is {@code parent}, keeping only the classes
     * the JAR itself defines; any failure skips the whole JAR.
     */
    static JarScan scanJar(Path jar, ClassLoader parent, List<Class<?>> services) {
        String origin = jar.getFileName().toString();
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // Opened only to fail early on a file that is not a JAR; the class loader reopens it.
        } catch (IOException e) {
            return skipped(origin, "not a readable JAR (" + e.getMessage() + ")");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(PLUGIN_LOADER_PREFIX + origin, new URL[]{jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            return skipped(origin, e.getMessage());
        }
        List<Discovered> found = new ArrayList<>();
        try {
            for (Class<?> service : services) {
                found.addAll(scan(service, loader, type -> type.getClassLoader() == loader, origin));
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            closeQuietly(loader);
            return skipped(origin, describe(e));
        }
        if (found.isEmpty()) {
            closeQuietly(loader);
            return skipped(origin, "provides nothing (no META-INF/services entry for any of "
                    + services.stream().map(Class::getName).toList() + ")");
        }
        return new JarScan(loader, found, null);
    }

    private static JarScan skipped(String origin, String why) {
        return new JarScan(null, List.of(), new PluginProblem(origin, "skipped: " + why));
    }

    /** The message of {@code e} and its causes on one line. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("; caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
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

    static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing of it is in use; a failure to close only leaks a file handle.
        }
    }
}
