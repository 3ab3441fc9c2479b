package org.metalearn4j.core.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;
import org.metalearn4j.core.backend.Nd4jNativeLibrary;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The versions of what computed a result, part of every {@link Provenance}.
 *
 * @param metalearn4j version of metalearn4j-core, or {@code dev} when run from class directories
 * @param nd4j        version of nd4j-api
 * @param nd4jBackend the ND4J native library in use and its variant (the jar's classifier), e.g.
 *                    {@code nd4jcpu linux-x86_64-onednn-avx2}; {@value #NOT_LOADED} before ND4J loaded one
 * @param java        the JVM's version
 */
public record LibraryVersions(String metalearn4j, String nd4j, String nd4jBackend, String java) {
    /** {@link #nd4jBackend()} when no ND4J native library is loaded yet. */
    public static final String NOT_LOADED = "not loaded";

    public LibraryVersions {
        Objects.requireNonNull(metalearn4j, "metalearn4j");
        Objects.requireNonNull(nd4j, "nd4j");
        Objects.requireNonNull(nd4jBackend, "nd4jBackend");
        Objects.requireNonNull(java, "java");
    }

    /** The versions in this process now (the backend is the one loaded so far). */
    public static LibraryVersions current() {
        return new LibraryVersions(mavenVersion(LibraryVersions.class, "org.metalearn4j", "metalearn4j-core", "dev"),
                mavenVersion(Nd4j.class, "org.nd4j", "nd4j-api", "unknown"),
                Nd4jNativeLibrary.loadedBackend().map(Nd4jNativeLibrary::toString).orElse(NOT_LOADED),
                System.getProperty("java.version"));
    }

    /** The version in the {@code pom.properties} Maven packs into the jar that holds {@code anchor}. */
    private static String mavenVersion(Class<?> anchor, String group, String artifact, String fallback) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
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
}
