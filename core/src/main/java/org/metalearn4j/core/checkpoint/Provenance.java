package org.metalearn4j.core.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * How a checkpoint or a pipeline artifact was made, so a result can be traced to code, libraries and settings. Both
 * file formats store this one record; a maker adds its own keys as {@link #details()} (a pipeline stage its name,
 * index, bound config and input).
 *
 * @param libraries what computed it
 * @param gitCommit {@code git rev-parse HEAD} of the working directory, or null if that did not work
 * @param created   ISO-8601 instant of creation
 * @param seed      the seed it was made with: a training run's base seed, a pipeline stage's own seed
 * @param details   its maker's further keys, sorted by key
 */
public record Provenance(LibraryVersions libraries, String gitCommit, String created, long seed,
                         Map<String, String> details) {

    public Provenance {
        Objects.requireNonNull(libraries, "libraries");
        Objects.requireNonNull(created, "created");
        details = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(Objects.requireNonNull(details,
                "details"))));
    }

    /** Provenance of this process now, without details. */
    public static Provenance current(long seed) {
        return new Provenance(LibraryVersions.current(), GitCommit.VALUE, Instant.now().toString(), seed, Map.of());
    }

    /** The same with {@code more} added to the details (replacing equal keys). */
    public Provenance with(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(details);
        all.putAll(more);
        return new Provenance(libraries, gitCommit, created, seed, all);
    }

    /** The detail under {@code key}, or null. */
    public String detail(String key) {
        return details.get(key);
    }

    /** Looked up once per process: running git for every checkpoint would cost a fork each time. */
    private static final class GitCommit {
        static final String VALUE = lookup();

        private static String lookup() {
            try {
                Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return null;
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
