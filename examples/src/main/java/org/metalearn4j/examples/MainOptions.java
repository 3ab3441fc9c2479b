package org.metalearn4j.examples;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metalearn4j.core.backend.ResidentMemoryGuard;

/**
 * {@code --key value} options of the benchmark and example mains, with defaults; an unknown key, a missing value or a
 * bad number fails naming it. (The {@code metalearn} CLI itself uses picocli.) Every main starts here, so this is
 * also where the resident-memory guard is installed when {@code -Dmetalearn4j.maxResident} is set, as the CLI's
 * backend does.
 */
public final class MainOptions {
    private final Map<String, String> values = new HashMap<>();

    public MainOptions(String[] args, Map<String, String> defaults) {
        ResidentMemoryGuard.installFromSystemProperty();
        values.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (key == null || !defaults.containsKey(key) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option '" + args[i] + "'; expected --key value with a key in "
                        + defaults.keySet().stream().sorted().toList());
            }
            values.put(key, args[++i]);
        }
    }

    public String string(String key) {
        return values.get(key);
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": expected an integer, got '" + values.get(key) + "'");
        }
    }

    public double number(String key) {
        try {
            return Double.parseDouble(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": expected a number, got '" + values.get(key) + "'");
        }
    }

    /** A comma-separated value, e.g. {@code --shots 5,10,20}. */
    public List<String> list(String key) {
        return Arrays.asList(values.get(key).split(","));
    }
}
