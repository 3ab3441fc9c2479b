package org.metalearn4j.datasets.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where downloaded data sets are cached: the configured directory if one is given, else the environment variable
 * {@value #ENV}, else {@code ~/.cache/metalearn4j}.
 */
public final class DataDirectory {
    /** Environment variable naming the cache directory. */
    public static final String ENV = "METALEARN4J_DATA";

    private DataDirectory() {
    }

    /** Resolves against the real environment and home directory. */
    public static Path resolve(String configured) {
        return resolve(configured, System.getenv(), System.getProperty("user.home"));
    }

    /** Resolution with an explicit environment, for tests and embedding. */
    public static Path resolve(String configured, Map<String, String> env, String home) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return Path.of(home, ".cache", "metalearn4j").toAbsolutePath();
    }
}
