package org.metalearn4j.core.plugin;

import java.util.Comparator;
import java.util.stream.Collectors;
import org.metalearn4j.core.backend.Availability;
import org.metalearn4j.core.backend.Backend;
import org.metalearn4j.core.spi.ProviderRegistry;

/** Chooses the backend a run uses: {@code auto} means the highest-ranked available one. */
public final class BackendSelector {
    /** The configuration value that selects automatically. */
    public static final String AUTO = "auto";

    private BackendSelector() {
    }

    /**
     * The backend named {@code requested}, or the best available one for {@code auto}.
     *
     * @throws BackendUnavailableException if the named backend is absent or unavailable (with its reason), or no
     *                                     backend at all is available (with every backend's reason)
     */
    public static Backend select(ProviderRegistry registry, String requested) {
        if (!AUTO.equals(requested)) {
            Backend backend;
            try {
                backend = registry.backend(requested);
            } catch (IllegalArgumentException e) {
                throw new BackendUnavailableException(e.getMessage());
            }
            Availability a = backend.availability();
            if (!a.available()) {
                throw new BackendUnavailableException("backend '" + requested + "' is unavailable: " + a.reason());
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
}
