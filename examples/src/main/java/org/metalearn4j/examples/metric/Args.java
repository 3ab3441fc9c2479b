package org.metalearn4j.examples.metric;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options with defaults; an unknown option fails listing the known ones. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (key == null || !defaults.containsKey(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option '" + args[i] + "'; expected --name value with a name"
                        + " in " + Set.copyOf(defaults.keySet()));
            }
            values.put(key, args[++i]);
        }
    }

    String get(String name) {
        return values.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": expected an integer, got '" + values.get(name) + "'");
        }
    }

    double number(String name) {
        try {
            return Double.parseDouble(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": expected a number, got '" + values.get(name) + "'");
        }
    }
}
