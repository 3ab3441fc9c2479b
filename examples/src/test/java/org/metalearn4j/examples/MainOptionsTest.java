package org.metalearn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.metalearn4j.examples.metric.ClassifyCharacters;

/** Example applications answer {@code --help} with their options and a mistyped option with one error line. */
class MainOptionsTest {

    private record Run(int code, String out) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), ClassifyCharacters.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void helpListsEveryOptionWithItsDefault() throws Exception {
        Run r = run("--help");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("Usage: java -cp \"$(cat examples/target/classpath.txt)\" "
                        + ClassifyCharacters.class.getName())
                .contains("  --examples []\n", "  --seconds [600]\n", "  --learner [protonet]\n")
                .doesNotContain("Exception");
    }

    @Test
    void aMistypedOptionIsOneErrorAndTheUsage() throws Exception {
        Run r = run("--exampels", "chars");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).startsWith("error: bad option '--exampels'").contains("Usage: ")
                .doesNotContain("Exception", "\tat ");
        Run missing = run("--queries", "chars");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.out()).startsWith("error: --examples is required\n").doesNotContain("Exception");
    }
}
