package org.metalearn4j.examples.apps;

import java.util.Map;
import org.metalearn4j.core.spi.ConfigException;
import org.metalearn4j.examples.MainOptions;

/**
 * How the application mains start and fail: options parsed by {@link MainOptions}, and any failure (a missing Debian
 * package, a malformed record, a bad option) printed as one line {@code error: ...} with exit code 2 for bad usage
 * and 1 otherwise, like the {@code metalearn} command; {@code METALEARN_DEBUG=1} adds the stack trace.
 */
public final class ApplicationMain {
    private ApplicationMain() {
    }

    /** The work of one main. */
    @FunctionalInterface
    public interface Body {
        void run(MainOptions options) throws Exception;
    }

    /** Runs {@code body} with the parsed options; exits the JVM with a non-zero code on failure. */
    public static void run(String[] argv, Map<String, String> defaults, Body body) {
        int code = runReturningCode(argv, defaults, body);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** As {@link #run} without exiting: 0, or the exit code after printing the error. */
    public static int runReturningCode(String[] argv, Map<String, String> defaults, Body body) {
        try {
            body.run(new MainOptions(argv, defaults));
            return 0;
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            if (System.getenv("METALEARN_DEBUG") != null) {
                e.printStackTrace();
            }
            return e instanceof IllegalArgumentException || e instanceof ConfigException ? 2 : 1;
        }
    }
}
