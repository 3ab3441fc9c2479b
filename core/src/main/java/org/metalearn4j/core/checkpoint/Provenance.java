package org.metalearn4j.core.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * How a checkpoint was made, so a result can be traced to code and settings.
 *
 * @param metalearn4jVersion version of metalearn4j-core, or {@code dev} when run from class directories
 * @param nd4jVersion        version of nd4j-api
 * @param javaVersion        the JVM's version
 * @param seed               the run's base seed
 * @param gitCommit          {@code git rev-parse HEAD} of the working directory, or null if that did not work
 * @param created            ISO-8601 instant of writing
 */
public record Provenance(String metalearn4jVersion, String nd4jVersion, String javaVersion, long seed,
                         String gitCommit, String created) {

    /** Provenance of this process now. */
    public static Provenance current(long seed) {
        return new Provenance(mavenVersion("org.metalearn4j", "metalearn4j-core", "dev"),
                mavenVersion("org.nd4j", "nd4j-api", "unknown"), System.getProperty("java.version"), seed,
                GitCommit.VALUE, Instant.now().toString());
    }

    private static String mavenVersion(String group, String artifact, String fallback) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        Class<?> anchor = artifact.startsWith("nd4j") ? org.nd4j.linalg.factory.Nd4j.class : Provenance.class;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                return fallback;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", fallback);
        } catch (IOException e) {
            return fallback;
        }
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
