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
    private final Class<?> main;
    private final Map<String, String> defaults;

    /**
     * Parses {@code args} over {@code defaults}. {@code --help} (or {@code -h}) prints {@link #usage} to stdout and
     * exits 0.
     *
     * @throws IllegalArgumentException when an option is not one of {@code defaults}' keys or lacks its value, with
     *                                  the usage in its message ({@link org.metalearn4j.examples.apps.ApplicationMain}
     *                                  prints it as one error without a stack trace)
     */
    public MainOptions(String[] args, Map<String, String> defaults) {
        // The class whose main method started the JVM names the program in the usage, also behind ApplicationMain.
        this.main = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(f -> f.getMethodName().equals("main")).reduce((inner, outer) -> outer)
                .<Class<?>>map(StackWalker.StackFrame::getDeclaringClass).orElse(MainOptions.class));
        this.defaults = defaults;
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(usage(main, defaults));
            System.exit(0);
        }
        String error = parse(args, defaults);
        if (error != null) {
            throw new IllegalArgumentException(error + "\n" + usage(main, defaults));
        }
        ResidentMemoryGuard.installFromSystemProperty();
    }

    /** Reads {@code args} into the values; returns what is wrong with them, or null. */
    private String parse(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String key = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (key == null || !defaults.containsKey(key) || i + 1 >= args.length) {
                return "bad option '" + args[i] + "'; expected --key value with a key in "
                        + defaults.keySet().stream().sorted().toList();
            }
            values.put(key, args[++i]);
        }
        return null;
    }

    /**
     * The help of {@code main}: how to start it from a built checkout, and every option with its default. The
     * class's Javadoc (in the source) describes what it does; README's "Example applications" lists them.
     */
    public static String usage(Class<?> main, Map<String, String> defaults) {
        StringBuilder text = new StringBuilder("Usage: java -cp \"$(cat examples/target/classpath.txt)\" "
                + main.getName() + " [--KEY VALUE]...\n\nOptions (default in brackets):\n");
        defaults.keySet().stream().sorted().forEach(key -> text.append("  --").append(key).append(" [")
                .append(defaults.get(key)).append("]\n"));
        return text.toString();
    }

    /**
     * The value of an option that has no default.
     *
     * @throws IllegalArgumentException naming the option, with the usage, when it is missing
     */
    public String required(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("--" + key + " is required\n" + usage(main, defaults));
        }
        return value;
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
