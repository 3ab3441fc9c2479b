package org.metalearn4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metalearn4j.core.plugin.TestJars;

/**
 * The {@code metalearn} launcher composes the JVM options as its comment says. It runs, in a copy of the checkout's
 * layout, a probe in place of the CLI's main class that prints the options the JVM actually took.
 */
class LauncherTest {
    private static final String PROBE = """
            package org.metalearn4j.examples.cli;

            import com.sun.management.HotSpotDiagnosticMXBean;
            import java.lang.management.ManagementFactory;

            public final class MetalearnCli {
                public static void main(String[] args) {
                    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                    System.out.println("MaxHeapSize=" + vm.getVMOption("MaxHeapSize").getValue());
                    System.out.println("UseParallelGC=" + vm.getVMOption("UseParallelGC").getValue());
                    System.out.println("maxResident=" + System.getProperty("metalearn4j.maxResident"));
                    System.out.println("collectEvery=" + System.getProperty("metalearn4j.collectEvery"));
                    System.out.println("stderrIsTerminal=" + System.getProperty("metalearn4j.stderrIsTerminal"));
                    System.out.println("args=" + String.join(" ", args));
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void appendsMetalearnJavaOptsToTheDefaults() throws Exception {
        assertThat(launch(Map.of())).containsEntry("MaxHeapSize", String.valueOf(2L << 30))
                .containsEntry("UseParallelGC", "true").containsEntry("maxResident", "8g")
                .containsEntry("collectEvery", "null").containsEntry("args", "--version")
                // the test's stderr is a pipe: progress as plain lines
                .containsEntry("stderrIsTerminal", "false");

        // The README's own advice: the memory guard and the heap limit must survive it.
        assertThat(launch(Map.of("METALEARN_JAVA_OPTS", "-Dmetalearn4j.collectEvery=512m")))
                .containsEntry("collectEvery", "512m").containsEntry("maxResident", "8g")
                .containsEntry("MaxHeapSize", String.valueOf(2L << 30)).containsEntry("UseParallelGC", "true");

        // Appended last, a second -Xmx wins over the default one.
        assertThat(launch(Map.of("METALEARN_JAVA_OPTS", "-Xmx1g -Dmetalearn4j.collectEvery=0")))
                .containsEntry("MaxHeapSize", String.valueOf(1L << 30)).containsEntry("collectEvery", "0")
                .containsEntry("maxResident", "8g");
    }

    @Test
    void metalearnJavaOptsReplaceDropsTheDefaults() throws Exception {
        assertThat(launch(Map.of("METALEARN_JAVA_OPTS_REPLACE", "-Xmx256m -XX:+UseSerialGC",
                "METALEARN_JAVA_OPTS", "-Dmetalearn4j.collectEvery=0")))
                .containsEntry("MaxHeapSize", String.valueOf(256L << 20)).containsEntry("UseParallelGC", "false")
                .containsEntry("maxResident", "null").containsEntry("collectEvery", "0");
    }

    /** Runs {@code metalearn --version} with {@code env} added and returns the probe's {@code key=value} lines. */
    private Map<String, String> launch(Map<String, String> env) throws IOException, InterruptedException {
        Path launcher = root.resolve("metalearn");
        if (!Files.exists(launcher)) {
            Files.copy(Path.of("..", "metalearn"), launcher);
            Path target = Files.createDirectories(root.resolve("examples/target"));
            TestJars.build(target.resolve("metalearn4j-examples-probe.jar"),
                    Map.of("org.metalearn4j.examples.cli.MetalearnCli", PROBE), Map.of());
            Files.writeString(target.resolve("classpath.txt"), "");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--version").redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        environment.remove("METALEARN_JAVA_OPTS");
        environment.remove("METALEARN_JAVA_OPTS_REPLACE");
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.get("PATH"));
        environment.putAll(env);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        Map<String, String> values = new HashMap<>();
        for (String line : List.of(out.split("\n"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
