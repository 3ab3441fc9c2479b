package org.metalearn4j.core.plugin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The providers of one kind by name: highest rank wins, a tie is a reported conflict and the newcomer is skipped. */
final class ProviderTable<T> {
    private final String kind;
    private final Class<?> service;
    private final Map<String, Discovered> byName = new TreeMap<>();

    ProviderTable(String kind, Class<?> service) {
        this.kind = kind;
        this.service = service;
    }

    boolean accepts(Discovered d) {
        return d.service() == service;
    }

    /** Adds {@code d} unless a provider of that name and a higher or equal rank is present; returns the conflict. */
    Optional<PluginProblem> offer(Discovered d) {
        Discovered present = byName.get(d.name());
        if (present == null || d.rank() > present.rank()) {
            byName.put(d.name(), d);
            return Optional.empty();
        }
        if (d.rank() == present.rank()) {
            return Optional.of(new PluginProblem(d.origin(), "duplicate " + kind + " name '" + d.name() + "' at rank "
                    + d.rank() + ": " + d.provider().getClass().getName() + " skipped, "
                    + present.provider().getClass().getName() + " from " + present.origin() + " kept"));
        }
        return Optional.empty();
    }

    T get(String name) {
        Discovered d = byName.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no " + kind + " named '" + name + "'; available: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
        }
        return cast(d);
    }

    Collection<T> all() {
        return byName.values().stream().map(this::cast).toList();
    }

    /** {@code kind 'name'} of each provider that came from {@code origin}. */
    List<String> namesFrom(String origin) {
        return byName.values().stream().filter(d -> d.origin().equals(origin)).map(d -> kind + " '" + d.name() + "'")
                .toList();
    }

    Optional<String> originOf(Object provider) {
        return byName.values().stream().filter(d -> d.provider() == provider).map(Discovered::origin).findFirst();
    }

    @SuppressWarnings("unchecked")
    private T cast(Discovered d) {
        // Safe: accepts() admits only instances found under this table's service interface.
        return (T) d.provider();
    }
}
