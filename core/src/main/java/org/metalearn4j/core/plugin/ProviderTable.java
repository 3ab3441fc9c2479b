package org.metalearn4j.core.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The providers of one kind by name: highest rank wins, a tie is a reported conflict and the newcomer is skipped. */
final class ProviderTable<T> {
    private final String kind;
    private final Map<String, Discovered<T>> byName = new TreeMap<>();

    ProviderTable(String kind) {
        this.kind = kind;
    }

    /** Adds {@code d} unless a provider of that name and a higher or equal rank is present; returns the conflict. */
    Optional<PluginProblem> offer(Discovered<T> d) {
        Discovered<T> present = byName.get(d.name());
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
        Discovered<T> d = byName.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no " + kind + " named '" + name + "'; available: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
        }
        return d.provider();
    }

    Collection<T> all() {
        List<T> out = new ArrayList<>();
        byName.values().forEach(d -> out.add(d.provider()));
        return List.copyOf(out);
    }

    Map<String, T> asMap() {
        Map<String, T> out = new LinkedHashMap<>();
        byName.forEach((k, v) -> out.put(k, v.provider()));
        return out;
    }

    Optional<String> originOf(Object provider) {
        return byName.values().stream().filter(d -> d.provider() == provider).map(Discovered::origin).findFirst();
    }
}
