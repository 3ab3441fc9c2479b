package org.metalearn4j.core.plugin;

import java.util.Comparator;
import java.util.stream.Collectors;
import org.metalearn4j.core.backend.Availability;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.core.spi.ProviderRegistry;

/** Chooses the backend a run uses: {@code auto} means the highest-ranked available one. */
public final class BackendSelector {
    /** The configuration value that selects automatically. */
    public static final String AUTO = "auto";

    private BackendSelector() {
    }

    /** {@link #select(ProviderRegistry, String, String)} for a value that comes from no file. */
    public static Backend select(ProviderRegistry registry, String requested) {
        return select(registry, requested, null);
    }

    /**
     * The backend named {@code requested}, or the best available one for {@code auto}.
     *
     * @param source the config file that names it, for messages, or null when the value came from elsewhere (a
     *               command-line override: the user just typed it)
     * @throws ConfigException             at {@code backend} if no backend has that name
     * @throws BackendUnavailableException if the named backend is unavailable (with its reason), or no backend at
     *                                     all is available (with every backend's reason)
     */
    public static Backend select(ProviderRegistry registry, String requested, String source) {
        if (!AUTO.equals(requested)) {
            Backend backend = requireKnown(registry, requested, source);
            Availability a = backend.availability();
            if (!a.available()) {
                throw new BackendUnavailableException("backend '" + requested + "' is unavailable: "
                        + a.reason() + in(source));
            }
            return backend;
        }
        return registry.backends().stream()
                .filter(b -> b.availability().available())
                .max(Comparator.comparingInt(Backend::rank))
                .orElseThrow(() -> new BackendUnavailableException("no backend is available"
                        + (registry.backends().isEmpty() ? " (none is on the class path; add metalearn4j-backends-cpu)"
                        : ": " + registry.backends().stream()
                        .map(b -> b.name() + ": " + b.availability().reason())
                        .collect(Collectors.joining("; ")))));
    }

    /**
     * The backend named {@code name} whether or not it can run here, for checking a configuration on another
     * machine than the one that will run it; {@code auto} gives null.
     *
     * @throws ConfigException at {@code backend}, listing the names there are
     */
    public static Backend requireKnown(ProviderRegistry registry, String name, String source) {
        if (AUTO.equals(name)) {
            return null;
        }
        try {
            return registry.backend(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("backend", "no backend named '" + name + "'; available: " + AUTO + ", "
                    + registry.backends().stream().map(Backend::name).sorted().collect(Collectors.joining(", "))
                    + in(source));
        }
    }

    private static String in(String source) {
        return source == null ? "" : " (in " + source + ")";
    }
}
