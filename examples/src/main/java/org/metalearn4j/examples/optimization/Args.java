package org.metalearn4j.examples.optimization;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --key value} command-line options with defaults; an unknown key or a bad number fails naming it. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (key == null || !defaults.containsKey(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option '" + args[i] + "'; expected --key value with keys "
                        + defaults.keySet());
            }
            values.put(key, args[++i]);
        }
    }

    String string(String key) {
        return values.get(key);
    }

    int integer(String key) {
        try {
            return Integer.parseInt(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": expected an integer, got '" + values.get(key) + "'");
        }
    }

    double number(String key) {
        try {
            return Double.parseDouble(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": expected a number, got '" + values.get(key) + "'");
        }
    }

    List<String> list(String key) {
        return Arrays.asList(values.get(key).split(","));
    }
}
