package org.metalearn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production code calls ND4J's legacy row/column broadcasts ({@code addiRowVector}, {@code subColumnVector}, ...):
 * in ND4J 1.0.0-M2.1 a garbage collection during their native call can free the dimension array under the kernel
 * (SIGSEGV, seen in 30-minute runs), which no short test can provoke. Broadcasting {@code add/sub/mul/div} with a
 * {@code [n, 1]} or {@code [1, m]} operand, {@code BiasAdd} and {@code Softmax.probabilities} are the safe forms.
 */
class LegacyBroadcastTest {
    private static final Pattern LEGACY = Pattern.compile("\\.(add|sub|rsub|mul|div|rdiv)i?(Row|Column)Vector\\(");

    @Test
    void productionSourcesUseOnlyBroadcastSafeForms() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> !root.relativize(f).startsWith("shared"))
                    .flatMap(f -> matches(root, f)).toList();
        }
        assertThat(root.resolve("core/src/main/java")).isDirectory();
        assertThat(offenders).isEmpty();
    }

    private static Stream<String> matches(Path root, Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> LEGACY.matcher(lines.get(i)).find())
                    .mapToObj(i -> root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
    }
}
