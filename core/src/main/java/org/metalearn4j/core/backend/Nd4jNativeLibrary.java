package org.metalearn4j.core.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;

/**
 * An ND4J native backend library that JavaCPP has loaded into this process, with the platform variant (the ND4J jar's
 * classifier) it came from. Looking one up never loads or initialises anything.
 *
 * @param name    the library, {@code nd4jcpu} or {@code nd4jcuda}
 * @param variant the JavaCPP platform directory it was loaded from, e.g. {@code linux-x86_64-onednn-avx2}
 */
public record Nd4jNativeLibrary(String name, String variant) {
    private static final List<String> BACKENDS = List.of("nd4jcpu", "nd4jcuda");

    /** The library called {@code name}, if JavaCPP has loaded it. */
    public static Optional<Nd4jNativeLibrary> loaded(String name) {
        String path = Loader.getLoadedLibraries().get(name);
        if (path == null) {
            return Optional.empty();
        }
        Path dir = Path.of(path).getParent();
        String variant = dir == null ? Loader.getPlatform() : dir.getFileName().toString();
        return Optional.of(new Nd4jNativeLibrary(name, variant));
    }

    /** The ND4J backend library this process runs on, once ND4J has loaded one. */
    public static Optional<Nd4jNativeLibrary> loadedBackend() {
        return BACKENDS.stream().map(Nd4jNativeLibrary::loaded).flatMap(Optional::stream).findFirst();
    }

    /** E.g. {@code nd4jcpu linux-x86_64-onednn-avx2}. */
    @Override
    public String toString() {
        return name + " " + variant;
    }
}
