package org.metalearn4j.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys in which two configuration documents differ, each with both values: mappings are compared key by key,
 * lists of equal length item by item, anything else as a whole; numbers by value ({@code 1} equals {@code 1.0}).
 *
 * @param changes the differing leaves in document order (keys of {@code saved} first, then keys only {@code now} has)
 */
public record ConfigDiff(List<Change> changes) {

    /**
     * One differing key.
     *
     * @param path  e.g. {@code learner.params.innerLr} or {@code learner.params.backbone.hidden[1]}
     * @param saved its value before, or null when the key was absent
     * @param now   its value now, or null when the key is absent now
     */
    public record Change(String path, JsonNode saved, JsonNode now) {
        @Override
        public String toString() {
            return path + ": " + show(saved) + " -> " + show(now);
        }

        private static String show(JsonNode value) {
            return value == null ? "(absent)" : value.isValueNode() ? value.asText() : value.toString();
        }
    }

    public ConfigDiff {
        changes = List.copyOf(changes);
    }

    /** The differences between two documents. */
    public static ConfigDiff between(JsonNode saved, JsonNode now) {
        List<Change> out = new ArrayList<>();
        compare("", saved, now, out);
        return new ConfigDiff(out);
    }

    /** The differences between two run configurations. */
    public static ConfigDiff between(RunConfig saved, RunConfig now) {
        return between(ConfigBinder.toTree(saved), ConfigBinder.toTree(now));
    }

    /** These differences without those at {@code paths} (and below them). */
    public ConfigDiff except(Set<String> paths) {
        return new ConfigDiff(changes.stream().filter(c -> paths.stream().noneMatch(p -> c.path().equals(p)
                || c.path().startsWith(p + ".") || c.path().startsWith(p + "["))).toList());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One change per line, e.g. {@code   learner.params.innerLr: 0.4 -> 0.1}. */
    @Override
    public String toString() {
        return changes.stream().map(c -> "  " + c).collect(Collectors.joining("\n"));
    }

    private static void compare(String path, JsonNode saved, JsonNode now, List<Change> out) {
        if (saved == null || now == null) {
            if (saved != now) {
                out.add(new Change(path, saved, now));
            }
            return;
        }
        if (saved.isObject() && now.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            saved.fieldNames().forEachRemaining(keys::add);
            now.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                compare(ConfigBinder.join(path, key), saved.get(key), now.get(key), out);
            }
        } else if (saved.isArray() && now.isArray() && saved.size() == now.size()) {
            Iterator<JsonNode> a = saved.elements();
            Iterator<JsonNode> b = now.elements();
            for (int i = 0; a.hasNext(); i++) {
                compare(path + "[" + i + "]", a.next(), b.next(), out);
            }
        } else if (!same(saved, now)) {
            out.add(new Change(path, saved, now));
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
